namespace OrleansTwitter.Actors.Diagnostics.Metrics;

/// <summary>
/// The running values of one instrument for one tag combination, updated lock-free from any
/// thread. A scrape reads the fields one at a time, so a histogram's count and sum may be a
/// measurement apart; scrapers tolerate that.
/// </summary>
internal sealed class MetricSeries(int bucketCount)
{
    // A counter's or histogram's sum, or a gauge's value.
    private double _value;
    private long _count;

    // Per bucket, not cumulative; the last one is the unbounded bucket.
    private readonly long[] _buckets = new long[bucketCount];

    public double Value => Volatile.Read(ref _value);

    public long Count => Volatile.Read(ref _count);

    public void Add(double value)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Observe(double value, IReadOnlyList<double> bounds)
    {
        var bucket = 0;
        while (bucket < bounds.Count && value > bounds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        Add(value);
    }

    /// <summary>How many observations were at most each bound, and in all (the last entry), as the format wants them.</summary>
    public long[] CumulativeBuckets()
    {
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Volatile.Read(ref _buckets[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }
}
