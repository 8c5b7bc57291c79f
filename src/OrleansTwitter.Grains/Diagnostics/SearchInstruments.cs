using System.Diagnostics.Metrics;

namespace OrleansTwitter.Grains.Diagnostics;

/// <summary>Search metrics, on the timeline's meter (<c>OrleansTwitter.Timeline</c>), which the silo exports.</summary>
internal static class SearchInstruments
{
    /// <summary>Tweets indexed (redeliveries this silo recognised are not counted).</summary>
    public static readonly Counter<long> TweetsIndexed = TimelineInstruments.Meter.CreateCounter<long>(
        "orleanstwitter.search.tweets.indexed", "{tweet}", "Tweets written to the search index.");

    /// <summary>Term-grain writes: one per term per silo batch, however many tweets the batch holds for the term.</summary>
    public static readonly Counter<long> TermWrites = TimelineInstruments.Meter.CreateCounter<long>(
        "orleanstwitter.search.term.writes", "{call}", "Batched calls to term grains.");

    /// <summary>How long searches take in the search grain (term reads, intersection, bodies).</summary>
    public static readonly Histogram<double> SearchDuration = TimelineInstruments.Meter.CreateHistogram<double>(
        "orleanstwitter.search.duration", "ms", "Time to answer a search.");
}
