using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OrleansTwitter.Actors.Generator.Model;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>Reads a grain interface declaration into a model, or into the errors that forbid one.</summary>
internal sealed class GrainInterfaceReader
{
    private readonly INamedTypeSymbol _grainInterface;
    private readonly IAssemblySymbol _assembly;
    private readonly string _typePrefix;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<(MethodModel Model, IMethodSymbol Symbol, Owner Owner)> _methods = [];
    private bool _valid = true;

    private GrainInterfaceReader(INamedTypeSymbol grainInterface, IAssemblySymbol assembly)
    {
        _grainInterface = grainInterface;
        _assembly = assembly;
        _typePrefix = Identifiers.Sanitize(TypeNames.FullName(grainInterface));
    }

    /// <summary>Who reports a problem found in one of the interfaces this one inherits from.</summary>
    private enum Owner
    {
        // Declared by the interface being read: report at the member.
        Self,

        // Declared by another grain interface of this compilation, whose own reading reports it.
        Sibling,

        // Declared elsewhere (a referenced assembly, or a non-grain interface): report at the
        // interface being read, since that is where the user can act.
        Foreign,
    }

    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is InterfaceDeclarationSyntax { BaseList: not null };

    public static ReadResult<InterfaceModel>? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || !KnownTypes.IsGrainInterface(symbol)
            || !DeclarationGate.IsPrimary(symbol, declaration, cancellationToken))
        {
            return null;
        }

        return new GrainInterfaceReader(symbol, context.SemanticModel.Compilation.Assembly).Read(cancellationToken);
    }

    private ReadResult<InterfaceModel> Read(CancellationToken cancellationToken)
    {
        var fullName = TypeNames.FullName(_grainInterface);
        if (Reachability.WhyUnreachable(_grainInterface) is { } why)
        {
            Report(Owner.Self, ActorsDiagnostics.Inaccessible, _grainInterface, fullName, why);
        }

        // Runtime markers (IGrain, IGrainWithStringKey...) declare nothing callable.
        var interfaces = new[] { _grainInterface }.Concat(_grainInterface.AllInterfaces.Where(i => !KnownTypes.IsRuntimeMarker(i)));
        foreach (var declaring in interfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadInterface(declaring, OwnerOf(declaring));
        }

        CheckMethodIdCollisions();
        var model = _valid
            ? new InterfaceModel(
                fullName,
                TypeNames.Erased(_grainInterface),
                Fnv1a.Id(fullName),
                Reachability.IsEffectivelyPublic(_grainInterface),
                _typePrefix,
                _methods.Select(m => m.Model).ToEquatableArray())
            : null;
        return new ReadResult<InterfaceModel>(model, _diagnostics.ToEquatableArray());
    }

    private void ReadInterface(INamedTypeSymbol declaring, Owner owner)
    {
        var declaringName = TypeNames.FullName(declaring);
        if (Reachability.IsGeneric(declaring))
        {
            Report(owner, ActorsDiagnostics.GenericInterface, declaring, declaringName);
        }

        foreach (var member in declaring.GetMembers())
        {
            // Static members are not called through a reference, so they need no proxy.
            if (member.IsStatic)
            {
                continue;
            }

            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    ReadMethod(method, declaring, declaringName, owner);
                    break;
                case IPropertySymbol property:
                    Report(owner, ActorsDiagnostics.NonMethodMember, property, declaringName, property.IsIndexer ? "indexer" : "property", property.Name);
                    break;
                case IEventSymbol @event:
                    Report(owner, ActorsDiagnostics.NonMethodMember, @event, declaringName, "event", @event.Name);
                    break;
            }
        }
    }

    private void ReadMethod(IMethodSymbol method, INamedTypeSymbol declaring, string declaringName, Owner owner)
    {
        var memberName = declaringName + "." + method.Name;
        var valid = true;
        if (method.IsGenericMethod)
        {
            valid = Report(owner, ActorsDiagnostics.GenericMethod, method, memberName);
        }

        var returnKind = KnownTypes.GetReturnKind(method.ReturnType);
        if (returnKind is null)
        {
            valid = Report(owner, ActorsDiagnostics.UnsupportedReturnType, method, memberName, method.ReturnType.ToDisplayString());
        }

        foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None))
        {
            valid = Report(owner, ActorsDiagnostics.ByReferenceParameter, parameter, parameter.Name, memberName, RefKindText(parameter.RefKind));
        }

        if (!valid || returnKind is not { } kind)
        {
            return;
        }

        var interfaceId = Fnv1a.Id(declaringName);
        var methodId = Fnv1a.Id(TypeNames.MethodSignature(method));
        var isOwn = SymbolEqualityComparer.Default.Equals(declaring, _grainInterface);

        // Inherited methods carry their declaring interface's id in the name: a method hidden
        // with 'new' has the same name and signature, hence the same method id, as the original.
        var requestName = isOwn
            ? $"{_typePrefix}_{Identifiers.Sanitize(method.Name)}_{Identifiers.Hex(methodId)}"
            : $"{_typePrefix}_{Identifiers.Sanitize(method.Name)}_{Identifiers.Hex(interfaceId)}_{Identifiers.Hex(methodId)}";
        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
            ? TypeNames.Annotated(((INamedTypeSymbol)method.ReturnType).TypeArguments[0])
            : string.Empty;
        var parameters = method.Parameters
            .Select((p, i) => new ParameterModel(p.Name.Length == 0 ? $"arg{i}" : Identifiers.Escape(p.Name), TypeNames.Annotated(p.Type)))
            .ToEquatableArray();
        var model = new MethodModel(
            method.Name,
            Identifiers.Escape(method.Name),
            TypeNames.Erased(declaring),
            declaringName,
            interfaceId,
            methodId,
            kind,
            TypeNames.Annotated(method.ReturnType),
            resultType,
            KnownTypes.HasAttribute(method, KnownTypes.CoreNamespace, "AlwaysInterleaveAttribute"),
            parameters,
            requestName);
        _methods.Add((model, method, owner));
    }

    // The runtime dispatches on (interface id, method id), so ids must be unique per declaring interface.
    private void CheckMethodIdCollisions()
    {
        var seen = new Dictionary<(int, int), IMethodSymbol>();
        foreach (var (model, symbol, owner) in _methods)
        {
            if (seen.TryGetValue((model.InterfaceId, model.MethodId), out var first))
            {
                Report(
                    owner,
                    ActorsDiagnostics.MethodIdCollision,
                    symbol,
                    TypeNames.MethodSignature(first),
                    TypeNames.MethodSignature(symbol),
                    model.DeclaringInterfaceName,
                    "0x" + Identifiers.Hex(model.MethodId));
            }
            else
            {
                seen.Add((model.InterfaceId, model.MethodId), symbol);
            }
        }
    }

    private Owner OwnerOf(INamedTypeSymbol declaring)
    {
        if (SymbolEqualityComparer.Default.Equals(declaring, _grainInterface))
        {
            return Owner.Self;
        }

        var definition = declaring.OriginalDefinition;
        return KnownTypes.IsGrainInterface(definition)
            && SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _assembly)
            && definition.Locations.Any(l => l.IsInSource)
                ? Owner.Sibling
                : Owner.Foreign;
    }

    /// <summary>Records a problem (the interface gets no proxy); always returns false, for chaining.</summary>
    private bool Report(Owner owner, DiagnosticDescriptor descriptor, ISymbol at, params string[] arguments)
    {
        _valid = false;
        var location = owner switch
        {
            Owner.Self => LocationInfo.From(at) ?? LocationInfo.From(_grainInterface),
            Owner.Foreign => LocationInfo.From(_grainInterface),
            _ => null,
        };
        if (owner != Owner.Sibling)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }

        return false;
    }

    private static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "by-reference",
    };
}
