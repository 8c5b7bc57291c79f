namespace OrleansTwitter.Actors.Diagnostics.Metrics;

/// <summary>The upper bounds of a histogram's buckets, chosen by its unit; a last, unbounded bucket follows them.</summary>
internal static class HistogramBuckets
{
    /// <summary>For durations in milliseconds: a tenth of a millisecond (an in-silo call) to ten seconds (a timeout).</summary>
    public static IReadOnlyList<double> Milliseconds { get; } = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>For durations in seconds: the millisecond bounds, in seconds.</summary>
    public static IReadOnlyList<double> Seconds { get; } = [.. Milliseconds.Select(ms => ms / 1000)];

    /// <summary>For counts (multicast targets, batch sizes): one to a hundred thousand, about three per decade.</summary>
    public static IReadOnlyList<double> Counts { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000];

    /// <summary>The bounds for an instrument of <paramref name="unit"/>.</summary>
    public static IReadOnlyList<double> For(string? unit) => unit switch
    {
        "ms" => Milliseconds,
        "s" => Seconds,
        _ => Counts,
    };
}
