using System.Diagnostics;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>Percentiles of a set of durations, in milliseconds, from all the samples sorted (no histogram buckets, no approximation).</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P95, double P99, double P999, double Max)
{
    public static LatencySummary FromTicks(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.90),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            Percentile(sorted, 0.999),
            Milliseconds(sorted[^1]));
    }

    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    private static double Percentile(long[] sorted, double p) =>
        Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
