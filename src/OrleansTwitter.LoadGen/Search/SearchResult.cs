using OrleansTwitter.LoadGen.Measurement;

namespace OrleansTwitter.LoadGen.Search;

/// <summary>The search measurement: latency over the index, mean matches per page, and how long indexing took to catch up after the fill.</summary>
internal sealed record SearchResult(int Tweets, LatencySummary Latency, double MeanMatchesPerPage, TimeSpan CatchUp);
