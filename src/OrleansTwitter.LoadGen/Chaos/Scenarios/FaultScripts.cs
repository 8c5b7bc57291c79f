using OrleansTwitter.LoadGen.Chaos.Reporting;
using OrleansTwitter.LoadGen.Chaos.Rig;

namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>
/// The operator's (or the crash's) steps of each scenario, taken while the load runs. Each
/// holds the load on the steady cluster first, and after its last step for the bar's recovery
/// window and then <see cref="ChaosSettings.Hold"/> more, so the figures show the cluster
/// serving again, not just the fault.
/// </summary>
internal static class FaultScripts
{
    /// <summary>How long Redis stays down in the restart scenario (issue 18).</summary>
    public static readonly TimeSpan RedisDownTime = TimeSpan.FromSeconds(5);

    /// <summary>Load between the steps of a rolling upgrade, so that each intermediate cluster serves requests.</summary>
    private static readonly TimeSpan BetweenUpgradeSteps = TimeSpan.FromSeconds(2);

    /// <summary>How many silos the scenario starts with.</summary>
    public static int InitialSilos(ScenarioKind kind) => kind == ScenarioKind.Scale ? 2 : 3;

    /// <summary>
    /// The web front ends' builds. During the upgrade to new contracts, the web tier is
    /// mid-upgrade too: one front end of each build, so old and new clients call old and new silos.
    /// </summary>
    public static IReadOnlyList<HostBuild> WebBuilds(ScenarioKind kind) =>
        kind == ScenarioKind.RollingNewContracts ? [HostBuild.Current, HostBuild.ContractsV2] : [HostBuild.Current, HostBuild.Current];

    public static Task<FaultTimes> RunAsync(ScenarioKind kind, ScenarioRun run, ChaosSettings settings) => kind switch
    {
        ScenarioKind.Kill => KillAsync(run, settings),
        ScenarioKind.Scale => ScaleAsync(run, settings),
        ScenarioKind.Rolling => RollingAsync(run, settings, HostBuild.Current),
        ScenarioKind.RollingNewContracts => RollingAsync(run, settings, HostBuild.ContractsV2),
        ScenarioKind.RedisRestart => RedisRestartAsync(run, settings),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<FaultTimes> KillAsync(ScenarioRun run, ChaosSettings settings)
    {
        await run.HoldAsync(settings.Hold, "load on 3 silos");
        var victim = run.Rig.Silos[1];
        await run.Rig.KillSiloAsync(victim);
        var killed = run.Mark($"SIGKILL to {victim}");
        await run.HoldAsync(ScenarioBars.KillRecovery + settings.Hold, "load on the 2 survivors");
        return new FaultTimes(killed, killed, "the kill");
    }

    private static async Task<FaultTimes> ScaleAsync(ScenarioRun run, ChaosSettings settings)
    {
        await run.HoldAsync(settings.Hold, "load on 2 silos");
        var first = run.Mark("scale out: start a third silo");
        var added = await run.Rig.StartSiloAsync(HostBuild.Current);
        run.Mark($"{added} ready");
        await run.HoldAsync(settings.Hold, "load on 3 silos");
        var leaving = run.Rig.Silos[0];
        run.Mark($"scale in: SIGTERM to {leaving}");
        await run.Rig.StopSiloAsync(leaving);
        run.Mark($"{leaving} exited with code 0");
        await run.HoldAsync(settings.Hold, "load on 2 silos");
        return new FaultTimes(first, first, "the scale-out");
    }

    private static async Task<FaultTimes> RollingAsync(ScenarioRun run, ChaosSettings settings, HostBuild build)
    {
        await run.HoldAsync(settings.Hold, "load on 3 silos");
        TimeSpan? first = null;
        foreach (var original in run.Rig.Silos.ToArray())
        {
            var step = run.Mark($"start a silo of {build.Name}");
            first ??= step;
            var newcomer = await run.Rig.StartSiloAsync(build);
            run.Mark($"{newcomer} ready; SIGTERM to {original}");
            await run.Rig.StopSiloAsync(original);
            run.Mark($"{original} exited with code 0");
            await run.HoldAsync(BetweenUpgradeSteps, "load between upgrade steps");
        }

        await run.HoldAsync(settings.Hold, "load on the upgraded silos");
        return new FaultTimes(first!.Value, first.Value, "the first upgrade step");
    }

    private static async Task<FaultTimes> RedisRestartAsync(ScenarioRun run, ChaosSettings settings)
    {
        await run.HoldAsync(settings.Hold, "load on 3 silos");
        var stopped = run.Mark("SIGTERM to Redis");
        await run.Rig.Redis.StopAsync();
        run.Mark("Redis exited; down");
        await run.HoldAsync(RedisDownTime, "load while Redis is down");
        await run.Rig.Redis.StartAgainAsync();
        var back = run.Mark("Redis back (its append-only file loaded)");
        await run.HoldAsync(ScenarioBars.RedisRecovery + settings.Hold, "load after Redis is back");
        return new FaultTimes(stopped, back, "Redis being back");
    }
}
