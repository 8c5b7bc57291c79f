using System.Diagnostics;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Mix;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.Targets.Chirper;
using OrleansTwitter.LoadGen.Targets.Cluster;
using OrleansTwitter.LoadGen.Targets.Http;
using OrleansTwitter.LoadGen.Targets.Redis;
using OrleansTwitter.LoadGen.Targets.Sql;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;
using Step = OrleansTwitter.LoadGen.Reporting.Progress;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>Runs one target: connect, load with progress bars, run the mix, measure memory, disconnect.</summary>
internal static class TargetRunner
{
    public static async Task<TargetResult> RunAsync(TargetKind kind, TimelineWorkload workload, LoadSettings settings, ClusterSessions sessions, CancellationToken cancellationToken)
    {
        var name = TargetNames.Name(kind);
        Step.Step($"{name}: connecting");
        await using var target = await ConnectAsync(kind, settings, sessions, cancellationToken);
        await using var server = ServerMonitor.Start(await target.ServerProcessIdsAsync(cancellationToken));
        if (server is null)
        {
            Step.Result("the server's processes cannot be read here: no memory or server CPU figures");
        }

        Step.Step($"{name}: loading {workload.Graph.Users:N0} users, {workload.Graph.Follows:N0} follows, {workload.HistoryTweets:N0} history tweets");
        var loadStarted = Stopwatch.GetTimestamp();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => target.LoadAsync(workload, context, cancellationToken));
        var loadTime = Stopwatch.GetElapsedTime(loadStarted);
        Step.Result($"loaded in {loadTime.TotalSeconds:0.0} s");

        var mix = settings.Mix;
        Step.Step($"{name}: mix of {mix.ReadsPerPost} reads per post by {workload.Active.Count:N0} active users, {mix.Concurrency} callers, {mix.Warmup.TotalSeconds:0} s warm-up + {mix.Duration.TotalSeconds:0} s measured");
        var result = await MixRunner.RunAsync(target, workload, mix, server, cancellationToken);
        Step.Result($"{result.ReadsPerSecond:N0} reads/s, {result.PostsPerSecond:N0} posts/s, {result.DeliveriesPerSecond:N0} deliveries/s, {result.Errors} errors");

        // The peak of the load and the mix, before the memory measurement adds its own data.
        var peak = server is null ? null : await server.StopAsync();
        var bytesPerActiveUser = await target.BytesPerActiveUserAsync(workload, cancellationToken);
        if (bytesPerActiveUser <= 0)
        {
            // The silos' figure is a difference of whole-heap readings: on a small run the
            // silos' own churn (idle grains collected, queues drained) can outweigh it, and a
            // figure at or below zero measures that churn, not a user. Reported as not measured.
            Step.Result($"memory per active user not measured: the heaps' churn outweighed it ({bytesPerActiveUser:N0} bytes); use more --memory-users");
            bytesPerActiveUser = null;
        }

        return new TargetResult(kind, loadTime, result, peak, server?.Measure, bytesPerActiveUser);
    }

    private static async Task<ITimelineTarget> ConnectAsync(TargetKind kind, LoadSettings settings, ClusterSessions sessions, CancellationToken cancellationToken) => kind switch
    {
        TargetKind.Redis => await RedisTarget.ConnectAsync(settings.Redis!, settings.RedisConnections),
        TargetKind.Sql => await SqlTarget.ConnectAsync(settings.Postgres!, settings.Mix.Concurrency, cancellationToken),
        TargetKind.Cluster => new ClusterTarget(await sessions.SharedAsync(cancellationToken), settings.MemoryUsers),
        TargetKind.Http => await HttpTarget.StartAsync(await sessions.SharedAsync(cancellationToken), settings.Mix.Concurrency, settings.MemoryUsers, cancellationToken),
        TargetKind.Chirper => await ChirperTarget.StartAsync(settings.Graph.CelebrityThreshold, settings.MemoryUsers, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such target."),
    };
}
