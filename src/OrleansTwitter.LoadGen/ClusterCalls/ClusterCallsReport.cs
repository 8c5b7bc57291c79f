using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>Everything one <c>cluster-calls</c> run measured, with what is needed to repeat it.</summary>
internal sealed record ClusterCallsReport(
    string Command,
    DateTimeOffset StartedAt,
    string Machine,
    string RedisVersion,
    double? BusyBeforeRun,
    ClusterCallsSettings Settings,
    RedisPingResult Redis,
    IReadOnlyList<SetupResult> Setups)
{
    /// <value>The throughput target: 100,000 calls/s on this 2-core machine.</value>
    public const double TargetCallsPerSecond = 100_000;

    /// <value>The latency target: p99 of 2 ms or less at half load.</value>
    public const double TargetP99Milliseconds = 2.0;
}
