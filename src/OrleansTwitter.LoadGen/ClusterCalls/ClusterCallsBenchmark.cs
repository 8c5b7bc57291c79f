using System.Globalization;
using System.Runtime.InteropServices;
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
            // Whatever else runs on the machine takes cores from the benchmark: say how much did before it began.
            var idleBefore = ResourceSample.Take([]);
            await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            // Less this process's own start-up (JIT), which is not background load.
            var background = ResourceSample.Between(idleBefore, ResourceSample.Take([])).OtherProcessesBusy;
            Progress.Step($"other processes' CPU before the run: {(background is { } b ? b.ToString("P0", CultureInfo.InvariantCulture) : "unknown")} of {Environment.ProcessorCount} cores");
            Progress.Step("starting redis-server");
            await using var redis = await RedisServer.StartAsync(deadline.Token);
            Progress.Step($"reference: redis-benchmark PING against 127.0.0.1:{redis.Port}");
            var ping = await RedisBenchmark.RunAsync(redis.Port, settings.RedisRequests, settings.RedisClients, deadline.Token);
            foreach (var variant in ping.Variants)
            {
                Progress.Result($"{variant.Test}: {variant.RequestsPerSecond:N0} requests/s");
            }

            var setups = new List<SetupResult>();
            foreach (var silos in settings.SiloCounts)
            {
                setups.Add(await SetupRunner.RunAsync(silos, redis, settings, workingDirectory, deadline.Token));
            }

            var report = new ClusterCallsReport(command, startedAt, DescribeMachine(), RedisVersion(redis), background, settings, ping, setups);
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

    private static string DescribeMachine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(model is null ? string.Empty : $" ({model})")}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
