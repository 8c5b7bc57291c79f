using OrleansTwitter.LoadGen.Client;
using OrleansTwitter.LoadGen.Load;
using OrleansTwitter.LoadGen.Processes;
using OrleansTwitter.LoadGen.Reporting;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>Runs one set-up: starts its silos, connects a client from this process, prepares users, measures, and stops everything it started.</summary>
internal static class SetupRunner
{
    public static async Task<SetupResult> RunAsync(int silos, RedisServer redis, ClusterCallsSettings settings, string workingDirectory, CancellationToken cancellationToken)
    {
        var name = silos == 1 ? "client → 1 silo" : $"client → {silos} silos";
        Progress.Step($"{name}: starting {silos} silo process(es) on Redis membership");
        await using var cluster = await SiloCluster.StartAsync(silos, redis, settings.SiloEnvironment, workingDirectory, cancellationToken);
        await using var client = await LoadClient.ConnectAsync(redis, cluster.ClusterId, silos, cancellationToken);
        Progress.Step($"{name}: client connected to cluster {cluster.ClusterId}; registering {settings.Users} users");
        var calls = await ProfileCalls.PrepareAsync(client.Cluster, settings.Users, cancellationToken);

        // Redis is part of every set-up (membership: I-am-alive writes and table reads), so its CPU counts.
        IReadOnlyList<ChildProcess> processes = [.. cluster.Processes, redis.Process];
        var runs = new List<ThroughputResult>();
        foreach (var concurrency in settings.Concurrency)
        {
            Progress.Step($"{name}: closed loop, {concurrency} concurrent callers, {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s");
            var run = await ClosedLoopLoad.RunAsync(calls, concurrency, settings.Warmup, settings.Duration, processes, cancellationToken);
            Progress.Result($"{run.CallsPerSecond:N0} calls/s, {run.Errors} errors");
            runs.Add(run);
        }

        var best = runs.MaxBy(r => r.CallsPerSecond)!;
        var rate = settings.LatencyRateFor(best.CallsPerSecond);
        Progress.Step($"{name}: open loop at {rate:N0} calls/s ({rate / best.CallsPerSecond:P0} of {best.CallsPerSecond:N0}) for {settings.Warmup.TotalSeconds:0} s warm-up + {settings.LatencyDuration.TotalSeconds:0} s");
        var latency = await OpenLoopLoad.RunAsync(calls, rate, settings.Warmup, settings.LatencyDuration, processes, cancellationToken);
        Progress.Result($"p50 {latency.Latency.P50:0.000} ms, p99 {latency.Latency.P99:0.000} ms, {latency.Errors} errors");
        return new SetupResult(name, silos, runs, latency);
    }
}
