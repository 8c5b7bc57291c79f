using System.Globalization;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Processes;
using OrleansTwitter.LoadGen.Reporting;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>
/// The whole <c>cluster-calls</c> run: a redis-server of its own, the Redis PING reference before
/// any silo starts (so the two never compete for cores), then each set-up in turn; everything it
/// starts is stopped on the way out, whether the run succeeded, failed or was cancelled.
/// </summary>
internal static class ClusterCallsBenchmark
{
    public static async Task<int> RunAsync(ClusterCallsSettings settings, string command, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.RunTimeout);
        var startedAt = DateTimeOffset.UtcNow;
        var workingDirectory = Directory.CreateTempSubdirectory("ot-loadgen-").FullName;
        try
        {
            var background = await SettleAsync(deadline.Token);
            Progress.Step($"other processes' CPU before the run: {(background is { } b ? b.ToString("P0", CultureInfo.InvariantCulture) : "unknown")} of {Environment.ProcessorCount} cores");
            Progress.Step("starting redis-server");
            await using var redis = await RedisServer.StartAsync(deadline.Token);
            Progress.Step($"reference: redis-benchmark PING against 127.0.0.1:{redis.Port}");
            var ping = await RedisBenchmark.RunAsync(redis.Port, settings.RedisRequests, settings.RedisClients, deadline.Token);
            foreach (var variant in ping.Variants)
            {
                Progress.Result($"{variant.Test}: {variant.RequestsPerSecond:N0} requests/s, p50 {variant.P50Milliseconds:0.000} ms, p99 {variant.P99Milliseconds:0.000} ms");
            }

            var setups = new List<SetupResult>();
            foreach (var silos in settings.SiloCounts)
            {
                setups.Add(await SetupRunner.RunAsync(silos, redis, settings, workingDirectory, deadline.Token));
            }

            var report = new ClusterCallsReport(command, startedAt, MachineDescription.Describe(), RedisVersion(redis), background, settings, ping, setups);
            ConsoleReport.Write(report);
            if (settings.OutputPath is { } path)
            {
                await MarkdownReport.WriteAsync(path, report, deadline.Token);
                Progress.Step($"wrote {path}");
            }

            return setups.All(s => s.Errors == 0) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The benchmark did not finish within {settings.RunTimeout}; every process it started has been stopped.");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Whatever else runs on the machine takes cores from the benchmark. `dotnet run` itself stays
    /// busy for a second or two after it starts this process, so wait (a few seconds at most) for
    /// other processes to go quiet, and return the share of the cores they used in the last second.
    /// </summary>
    private static async Task<double?> SettleAsync(CancellationToken cancellationToken)
    {
        const double Quiet = 0.05;
        const int MaxSeconds = 10;
        double? others = null;
        for (var second = 0; second < MaxSeconds && others is not < Quiet; second++)
        {
            var before = ResourceSample.Take([]);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            others = ResourceSample.Between(before, ResourceSample.Take([])).OtherProcessesBusy;
            if (others is null)
            {
                break;
            }
        }

        return others;
    }

    private static string RedisVersion(RedisServer redis)
    {
        // redis-server's banner: "... Redis version=7.0.15, bits=64, ..."
        var line = redis.Process.Output.Split('\n').FirstOrDefault(l => l.Contains("Redis version=", StringComparison.Ordinal));
        if (line is null)
        {
            return "Redis (version not reported)";
        }

        var version = line[(line.IndexOf("Redis version=", StringComparison.Ordinal) + "Redis version=".Length)..].Split(',')[0];
        return "Redis " + version;
    }
}

