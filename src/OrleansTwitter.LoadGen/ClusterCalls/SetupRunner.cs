using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.LoadGen.Load;
using OrleansTwitter.LoadGen.Processes;
using OrleansTwitter.LoadGen.Reporting;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>Runs one set-up: starts its silos, connects a client from this process, prepares users, measures, and stops everything it started.</summary>
internal static class SetupRunner
{
    private static readonly TimeSpan ClientStopTimeout = TimeSpan.FromSeconds(10);

    public static async Task<SetupResult> RunAsync(int silos, RedisServer redis, ClusterCallsSettings settings, string workingDirectory, CancellationToken cancellationToken)
    {
        var name = silos == 1 ? "client → 1 silo" : $"client → {silos} silos";
        Progress.Step($"{name}: starting {silos} silo process(es){(silos > 1 ? " on Redis membership" : string.Empty)}");
        await using var cluster = await SiloCluster.StartAsync(silos, silos > 1 ? redis : null, settings.SiloEnvironment, workingDirectory, cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActorsClient(o => o.Gateways = [.. cluster.Gateways]);
        using var client = builder.Build();
        await client.StartAsync(cancellationToken);
        try
        {
            Progress.Step($"{name}: connected to {string.Join(", ", cluster.Gateways)}; registering {settings.Users} users");
            var calls = await ProfileCalls.PrepareAsync(client.Services.GetRequiredService<IClusterClient>(), settings.Users, cancellationToken);
            // Redis is part of the 2-silo set-up (membership probes and I-am-alive writes), so its CPU counts there.
            IReadOnlyList<ChildProcess> processes = silos > 1 ? [.. cluster.Processes, redis.Process] : cluster.Processes;
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
            var ofMaximum = rate / best.CallsPerSecond;
            Progress.Step($"{name}: open loop at {rate:N0} calls/s ({ofMaximum:P0} of {best.CallsPerSecond:N0}) for {settings.Warmup.TotalSeconds:0} s warm-up + {settings.LatencyDuration.TotalSeconds:0} s");
            var latency = await OpenLoopLoad.RunAsync(calls, rate, settings.Warmup, settings.LatencyDuration, processes, cancellationToken);
            Progress.Result($"p50 {latency.Latency.P50:0.000} ms, p99 {latency.Latency.P99:0.000} ms, {latency.Errors} errors");
            return new SetupResult(name, silos, runs, latency);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(ClientStopTimeout);
            await client.StopAsync(stopping.Token);
        }
    }
}
