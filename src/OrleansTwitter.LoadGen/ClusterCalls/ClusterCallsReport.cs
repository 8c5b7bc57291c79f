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
    IReadOnlyList<SetupResult> Setups);
