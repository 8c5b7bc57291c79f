using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Search;
using OrleansTwitter.Grains.Tests.Infrastructure.Search;
using OrleansTwitter.Grains.Trends;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// Three silos for search, trends and the directory, with <c>Search:TrendWindow</c> set to 10
/// minutes and <c>Search:IndexWriteDelay</c> to 1 s from configuration, each silo's trend window on a fake clock and a probe of index
/// writes. Three silos, so that per-silo batching and counting have several silos to spread over.
/// </summary>
public sealed class SearchClusterFixture : TimelineClusterFixture
{
    public static readonly TimeSpan TrendWindow = TimeSpan.FromMinutes(10);

    /// <summary><c>Search:IndexWriteDelay</c> here: short, so a test sees a write behind without waiting the default 10 s.</summary>
    public static readonly TimeSpan IndexWriteDelay = TimeSpan.FromSeconds(1);

    protected override short SiloCount => 3;

    public ISearchGrain Search => Grains.GetGrain<ISearchGrain>(0);

    /// <summary>Moves every silo's trend-window clock forward.</summary>
    public void AdvanceTrendClocks(TimeSpan by)
    {
        foreach (var silo in Silos)
        {
            ServicesOf(silo).GetRequiredKeyedService<FakeTimeProvider>(nameof(SearchClock)).Advance(by);
        }
    }

    internal static TermCallProbe TermCallsOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<TermCallProbe>();

    internal static TrendCounter TrendCounterOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<TrendCounter>();

    internal static IndexWriteBuffer IndexBufferOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<IndexWriteBuffer>();

    /// <summary>The texts a search finds (first page of up to 100), newest first.</summary>
    public async Task<string[]> SearchTextsAsync(string query, int limit = 100) =>
        [.. (await Search.SearchAsync(query, limit, null)).Items.Select(t => t.Text)];

    /// <summary>Waits until a search finds <paramref name="count"/> tweets; indexing is asynchronous (within 2 s of the post).</summary>
    public Task<string[]> WaitForMatchesAsync(string query, int count) =>
        Eventually.WaitForAsync(() => SearchTextsAsync(query), texts => texts.Length >= count, Eventually.DefaultTimeout, $"a search for '{query}' to find {count} tweets");

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["Search:TrendWindow"] = "00:10:00";
        builder.Properties["Search:IndexWriteDelay"] = "00:00:01";
        builder.AddSiloBuilderConfigurator<SearchProbesConfigurator>();
    }
}
