using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>
/// A source location without its SyntaxTree: holding a tree in a pipeline model would keep
/// old compilations alive and break value equality, so only the path and spans are kept.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return From(location);
            }
        }

        return null;
    }

    /// <summary>
    /// A source location in the current tree of the same file when there is one (so the
    /// editor can underline it and #pragma applies), else a location by path and lines.
    /// </summary>
    public Location ToLocation(IReadOnlyDictionary<string, SyntaxTree> trees) =>
        trees.TryGetValue(FilePath, out var tree) && tree.Length >= Span.End
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
}
