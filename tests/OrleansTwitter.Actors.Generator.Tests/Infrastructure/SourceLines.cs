namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>Finds where things are in a test snippet, so location assertions survive edits to it.</summary>
internal static class SourceLines
{
    /// <summary>The zero-based line of the first occurrence of <paramref name="marker"/>.</summary>
    public static int LineOf(string source, string marker)
    {
        var index = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"Marker '{marker}' is not in the source.");
        return source[..index].Count(c => c == '\n');
    }
}
