using System.Collections.Concurrent;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Search;

/// <summary>One silo's count of the index writes its term grains received, per term.</summary>
internal sealed class TermCallProbe
{
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    /// <summary>How many <c>AddAsync</c> calls the term grain <paramref name="term"/> received on this silo.</summary>
    public int WritesOf(string term) => _writes.GetValueOrDefault(term);

    public void OnWrite(string term) => _writes.AddOrUpdate(term, 1, (_, n) => n + 1);
}
