namespace OrleansTwitter.Grains.Trends;

/// <summary>
/// Trend counts are kept per 10-second bucket of the tweets' creation time (from their ids), so
/// the window slides by dropping whole buckets: a tweet counts for the window and at most one
/// bucket more.
/// </summary>
internal static class TrendBuckets
{
    public static readonly TimeSpan Width = TimeSpan.FromSeconds(10);

    /// <summary>The bucket of an instant: 10-second steps since the Unix epoch.</summary>
    public static long Of(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / (long)Width.TotalMilliseconds;

    /// <summary>The oldest bucket still (partly) inside the window that ends at <paramref name="now"/>.</summary>
    public static long OldestIn(DateTimeOffset now, TimeSpan window) => Of(now - window);
}
