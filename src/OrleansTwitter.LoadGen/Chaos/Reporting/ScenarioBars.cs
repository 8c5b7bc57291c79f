using System.Globalization;
using OrleansTwitter.LoadGen.Chaos.Scenarios;

namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>The bars of issue 18, per scenario, checked against a run's figures.</summary>
internal static class ScenarioBars
{
    /// <summary>Kill: at least this share of requests succeeds.</summary>
    public const double KillSuccessRate = 0.999;

    /// <summary>Kill: every request succeeds again this long after the kill.</summary>
    public static readonly TimeSpan KillRecovery = TimeSpan.FromSeconds(5);

    /// <summary>Redis restart: every request succeeds again this long after Redis is back.</summary>
    public static readonly TimeSpan RedisRecovery = TimeSpan.FromSeconds(10);

    /// <summary>How long the bar's recovery window is, for the scenario to keep the load running past it.</summary>
    public static TimeSpan RecoveryWindow(ScenarioKind kind) => kind switch
    {
        ScenarioKind.Kill => KillRecovery,
        ScenarioKind.RedisRestart => RedisRecovery,
        _ => TimeSpan.Zero,
    };

    public static IReadOnlyList<BarResult> Check(ScenarioKind kind, ChaosFigures figures)
    {
        var bars = new List<BarResult>();
        switch (kind)
        {
            case ScenarioKind.Kill:
                bars.Add(new("≥ 99.9% of requests succeed", Invariant($"{figures.SuccessRate:P3}"), figures.SuccessRate >= KillSuccessRate));
                bars.Add(RecoveredWithin(figures, KillRecovery));
                break;
            case ScenarioKind.RedisRestart:
                bars.Add(RecoveredWithin(figures, RedisRecovery));
                break;
            default:
                bars.Add(new("0 failed requests", Invariant($"{figures.Failures}"), figures.Failures == 0));
                break;
        }

        bars.Add(new("0 acknowledged tweets lost", Invariant($"{figures.TweetsLost} of {figures.TweetsAcknowledged}"), figures.TweetsLost == 0));
        if (kind is ScenarioKind.Rolling or ScenarioKind.RollingNewContracts)
        {
            bars.Add(new("0 tweets doubled", Invariant($"{figures.TweetsDoubled}"), figures.TweetsDoubled == 0));
        }

        // Not a bar of the issue, but without it every other bar could hold for a load that never posted.
        bars.Add(new("tweets were acknowledged", Invariant($"{figures.TweetsAcknowledged}"), figures.TweetsAcknowledged > 0));
        return bars;
    }

    private static BarResult RecoveredWithin(ChaosFigures figures, TimeSpan bound) => new(
        Invariant($"full success again within {bound.TotalSeconds:F0} s of {figures.RecoveryFrom}"),
        figures.RecoveryToLastFailure is { } last ? Invariant($"last failure {last:F2} s after it") : "no failure",
        figures.RecoveryToLastFailure is null || figures.RecoveryToLastFailure <= bound.TotalSeconds);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
