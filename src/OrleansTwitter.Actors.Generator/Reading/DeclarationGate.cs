using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>
/// A partial type has several declarations, and the syntax provider sees each of them. Only
/// the first declaration that has a base list reads the type, so it is generated once.
/// </summary>
internal static class DeclarationGate
{
    public static bool IsPrimary(INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList: not null } candidate)
            {
                return candidate.SyntaxTree == declaration.SyntaxTree && candidate.Span == declaration.Span;
            }
        }

        return false;
    }
}
