using OrleansTwitter.LoadGen.Chaos.Audit;
using OrleansTwitter.LoadGen.Chaos.Load;
using OrleansTwitter.LoadGen.Chaos.Reporting;
using OrleansTwitter.LoadGen.Chaos.Rig;

namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>
/// Runs one failure scenario from start to finish: the deployment, the users, the load with the
/// scenario's steps, the audit of every timeline, and the figures with the bars checked.
/// </summary>
internal static class ScenarioRunner
{
    private const int ProblemExamples = 10;

    public static async Task<(ChaosFigures Figures, string ProcessTails)> RunAsync(ScenarioKind kind, ChaosSettings settings, string command, IChaosProgress progress, CancellationToken cancellationToken)
    {
        progress.Phase($"starting Redis (append-only), Azurite, {FaultScripts.InitialSilos(kind)} silos and 2 web front ends");
        await using var rig = await ChaosRig.StartAsync(FaultScripts.InitialSilos(kind), FaultScripts.WebBuilds(kind), settings.LogFolder);
        var apis = rig.Webs.Select(w => new ChaosApi(w.Name, w.HttpAddress)).ToList();
        try
        {
            progress.Phase($"registering {settings.Users} users, each following {settings.Followees}");
            var users = await LoadUsers.CreateAsync(apis, settings.Users, settings.Followees);
            progress.Phase("warming up: each user reads and posts once");
            await users.WarmUpAsync(apis);
            var tally = new RequestTally();
            var run = new ScenarioRun(rig, tally, progress);
            progress.Watch(tally);
            FaultTimes times;
            TimeSpan loadTime;
            var loadBefore = MachineLoad.OneMinute();
            string machine;
            await using (var load = new OpenLoopLoad(users, apis, tally, settings.Rate, settings.PostShare))
            {
                times = await FaultScripts.RunAsync(kind, run, settings);
                loadTime = tally.Now;
                machine = $"load average {loadBefore:F1} → {MachineLoad.OneMinute():F1} on {Environment.ProcessorCount} cores";
                progress.Phase("letting the requests in flight finish");
                await load.StopAsync();
            }

            progress.Watch(null);
            progress.Phase("auditing every author's and follower's timeline");
            var audit = await TweetAudit.RunAsync(apis[0], users, settings.AuditTimeout, cancellationToken);
            var figures = Figures(kind, command, tally.Outcomes, loadTime, run.Events, times, users, audit) with { MachineLoad = machine };
            return (figures, figures.Passed ? string.Empty : rig.Tails(40));
        }
        finally
        {
            apis.ForEach(a => a.Dispose());
        }
    }

    private static ChaosFigures Figures(ScenarioKind kind, string command, IReadOnlyList<RequestOutcome> outcomes, TimeSpan loadTime,
        IReadOnlyList<ScenarioEvent> events, FaultTimes times, LoadUsers users, AuditResult audit)
    {
        var failures = outcomes.Where(o => !o.Ok).ToArray();
        var lastFailure = failures.Length == 0 ? (TimeSpan?)null : failures.Max(f => f.End);
        var figures = new ChaosFigures
        {
            Scenario = ScenarioNames.Of(kind),
            Command = command,
            Requests = outcomes.Count,
            Failures = failures.Length,
            SuccessRate = outcomes.Count == 0 ? 0 : (double)(outcomes.Count - failures.Length) / outcomes.Count,
            RequestsPerSecond = outcomes.Count / loadTime.TotalSeconds,
            P99Milliseconds = RequestTally.P99(outcomes).TotalMilliseconds,
            MaxMilliseconds = outcomes.Count == 0 ? 0 : outcomes.Max(o => o.Duration).TotalMilliseconds,
            FaultAt = times.Fault.TotalSeconds,
            FaultToLastFailure = (lastFailure - times.Fault)?.TotalSeconds,
            RecoveryFrom = times.ReferenceName,
            RecoveryToLastFailure = (lastFailure - times.Reference)?.TotalSeconds,
            TweetsAcknowledged = users.TotalAcknowledged,
            PostsFailed = users.FailedPosts,
            TweetsLost = audit.Lost,
            TweetsDoubled = audit.Doubled,
            TimelinesCompleteAfter = audit.CompleteAfter?.TotalSeconds,
            MachineLoad = string.Empty,
            Events = events,
            Bars = [],
            Problems = [.. failures.Take(ProblemExamples).Select(f => $"{f.Start.TotalSeconds:F2} s +{f.Duration.TotalMilliseconds:F0} ms {f.Operation}: {f.Failure}"), .. audit.Problems],
        };
        return figures with { Bars = ScenarioBars.Check(kind, figures) };
    }
}
