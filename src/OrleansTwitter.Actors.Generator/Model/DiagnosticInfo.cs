using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>A diagnostic kept as plain, equatable data until the output stage reports it.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    /// <summary>Rebuilds the diagnostic, placing it in the tree of <paramref name="trees"/> it came from.</summary>
    public Diagnostic ToDiagnostic(IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        var arguments = new object[MessageArguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = MessageArguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation(trees), arguments);
    }
}
