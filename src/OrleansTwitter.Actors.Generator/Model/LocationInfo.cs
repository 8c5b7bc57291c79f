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

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
