using OrleansTwitter.LoadGen.Chaos.Scenarios;

namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>
/// What one scenario run measured, as the console shows it and <c>--json</c> writes it (the
/// system tests read that file). Times are seconds on the load's clock.
/// </summary>
internal sealed record ChaosFigures
{
    public required string Scenario { get; init; }

    public required string Command { get; init; }

    public required int Requests { get; init; }

    public required int Failures { get; init; }

    /// <summary>Requests that succeeded, as a fraction of all.</summary>
    public required double SuccessRate { get; init; }

    /// <summary>Requests answered per second over the load's run.</summary>
    public required double RequestsPerSecond { get; init; }

    public required double P99Milliseconds { get; init; }

    public required double MaxMilliseconds { get; init; }

    /// <summary>When the fault happened.</summary>
    public required double FaultAt { get; init; }

    /// <summary>From the fault to the end of the last failed request; null when no request failed.</summary>
    public required double? FaultToLastFailure { get; init; }

    /// <summary>What the recovery bar counts from (the kill, Redis back).</summary>
    public required string RecoveryFrom { get; init; }

    /// <summary>From that moment to the end of the last failed request (negative when failures ended before it); null when no request failed.</summary>
    public required double? RecoveryToLastFailure { get; init; }

    public required int TweetsAcknowledged { get; init; }

    /// <summary>Posts that got no 201.</summary>
    public required int PostsFailed { get; init; }

    public required int TweetsLost { get; init; }

    public required int TweetsDoubled { get; init; }

    /// <summary>How long after the load stopped every timeline held every acknowledged tweet; null when never within the audit's wait.</summary>
    public required double? TimelinesCompleteAfter { get; init; }

    /// <summary>The machine's one-minute load average when the load started and when it stopped, against its core count.</summary>
    public required string MachineLoad { get; init; }

    public required IReadOnlyList<ScenarioEvent> Events { get; init; }

    public required IReadOnlyList<BarResult> Bars { get; init; }

    /// <summary>The first failed requests and audit problems, for a reader to see what went wrong.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public bool Passed => Bars.All(b => b.Met);
}
