using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// Each target against each baseline that ran before it in <see cref="TargetNames.Baselines"/>
/// order (so redis ÷ sql, and later cluster ÷ sql, ÷ redis, ÷ chirper): throughput as
/// target ÷ baseline (above 1 is better), latency likewise (below 1 is better).
/// </summary>
internal sealed record LoadRatios(TargetKind Target, TargetKind Baseline, double? ReadsPerSec, double? PostsPerSec, double? DeliveriesPerSec, double? ReadP99, double? PostP99)
{
    public static IReadOnlyList<LoadRatios> Of(IReadOnlyList<TargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ratios = new List<LoadRatios>();
        foreach (var target in results)
        {
            var rank = TargetNames.BaselineRank(target.Kind);
            foreach (var baseline in results.Where(b => b.Kind != target.Kind && TargetNames.BaselineRank(b.Kind) >= 0))
            {
                // A baseline is compared only with what comes after it: redis ÷ sql, not sql ÷ redis.
                if (rank >= 0 && TargetNames.BaselineRank(baseline.Kind) > rank)
                {
                    continue;
                }

                ratios.Add(new LoadRatios(
                    target.Kind,
                    baseline.Kind,
                    Divide(target.Mix.ReadsPerSecond, baseline.Mix.ReadsPerSecond),
                    Divide(target.Mix.PostsPerSecond, baseline.Mix.PostsPerSecond),
                    Divide(target.Mix.DeliveriesPerSecond, baseline.Mix.DeliveriesPerSecond),
                    Divide(target.Mix.ReadLatency.P99, baseline.Mix.ReadLatency.P99),
                    Divide(target.Mix.PostLatency.P99, baseline.Mix.PostLatency.P99)));
            }
        }

        return ratios;
    }

    private static double? Divide(double value, double by) => by > 0 && double.IsFinite(value) && double.IsFinite(by) ? value / by : null;
}
