using System;
using System.Collections.Generic;
using System.Linq;
using OrleansTwitter.Actors.Generator.Model;
using OrleansTwitter.Actors.Generator.Reading;

namespace OrleansTwitter.Actors.Generator.Emitting;

/// <summary>
/// Emits the assembly's manifest provider, which the runtime finds through the assembly
/// attribute at start-up and which registers every proxy, request and grain factory without
/// reflection on the call path.
/// </summary>
internal static class ManifestEmitter
{
    private const string Core = "global::OrleansTwitter.Actors.Core";

    public const string HintName = "ActorsManifestProvider.g.cs";

    public static string ProviderName(string assemblyName) => "ActorsManifestProvider_" + Identifiers.Sanitize(assemblyName);

    public static string Emit(string assemblyName, IReadOnlyList<InterfaceModel> interfaces, IReadOnlyList<GrainClassModel> classes)
    {
        var provider = ProviderName(assemblyName);
        var writer = GeneratedFile.Begin();
        writer.Line($"[assembly: {Core}.ActorsManifestProvider(typeof(global::{GeneratedFile.Namespace}.{provider}))]");
        writer.Line();
        writer.Open($"namespace {GeneratedFile.Namespace}");
        GeneratedFile.TypeAttributes(writer);
        writer.Open($"internal sealed class {provider} : {Core}.IActorsManifestProvider");
        writer.Open($"public void Populate({Core}.ActorsManifestBuilder manifest)");

        // Sorted so that the output does not depend on the order files are compiled in.
        var first = true;
        foreach (var model in interfaces.OrderBy(i => i.FullName, StringComparer.Ordinal))
        {
            first = Separate(writer, first);
            EmitInterface(writer, model);
        }

        foreach (var model in classes.OrderBy(c => c.GlobalName, StringComparer.Ordinal))
        {
            first = Separate(writer, first);
            EmitGrainClass(writer, model);
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitInterface(CodeWriter writer, InterfaceModel model)
    {
        writer.Line($"manifest.AddInterface(new {Core}.GrainInterfaceDescriptor(");
        writer.Indent();
        writer.Line($"typeof({model.GlobalName}),");
        writer.Line($"{Identifiers.IntLiteral(model.InterfaceId)},");
        writer.Line($"static (invoker, grainId) => new global::{GeneratedFile.Namespace}.{model.ProxyName}(invoker, grainId),");
        writer.Line($"new {Core}.GrainMethodDescriptor[]");
        writer.Line("{");
        writer.Indent();
        foreach (var method in model.Methods)
        {
            writer.Line(
                $"new {Core}.GrainMethodDescriptor({Identifiers.IntLiteral(method.InterfaceId)}, {Identifiers.IntLiteral(method.MethodId)}, " +
                $"{Identifiers.StringLiteral(method.Name)}, static () => new global::{GeneratedFile.Namespace}.{method.RequestClassName}()),");
        }

        writer.Outdent();
        writer.Line("}));");
        writer.Outdent();
    }

    private static void EmitGrainClass(CodeWriter writer, GrainClassModel model)
    {
        writer.Line($"manifest.AddGrainClass(new {Core}.GrainClassDescriptor(");
        writer.Indent();
        writer.Line($"typeof({model.GlobalName}),");
        writer.Line($"{Identifiers.StringLiteral(model.GrainType)},");
        writer.Line(model.IsReentrant ? "true," : "false,");
        writer.Line($"new global::System.Type[] {{ {string.Join(", ", model.Interfaces.Select(i => $"typeof({i})"))} }},");
        writer.Line($"static ctx => new {model.GlobalName}({string.Join(", ", model.ConstructorArguments)})));");
        writer.Outdent();
    }

    private static bool Separate(CodeWriter writer, bool first)
    {
        if (!first)
        {
            writer.Line();
        }

        return false;
    }
}
