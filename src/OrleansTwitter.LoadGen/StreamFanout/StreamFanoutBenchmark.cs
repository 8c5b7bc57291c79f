using System.Diagnostics;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary>
/// Fan-out through each stream provider, one after the other in one run: the most deliveries
/// per second the silo sustains, then the delivery lag with authors posting at a fraction of
/// that rate.
/// </summary>
internal static class StreamFanoutBenchmark
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan IssueTick = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(StreamFanoutSettings settings, string command, CancellationToken cancellationToken)
    {
        var startedAt = DateTime.UtcNow;
        await using var redis = await RedisServer.StartAsync(cancellationToken);
        using var meter = new DeliveryMeter();
        var results = new List<ProviderResult>();
        foreach (var (provider, connectionString) in new[] { ("Memory", (string?)null), ("Redis", redis.ConnectionString) })
        {
            Console.WriteLine($"{provider}: setting up {settings.Authors} authors and {settings.Followers} followers...");
            await using var silo = await FanoutSilo.StartAsync(connectionString, settings, cancellationToken);
            var throughput = await MeasureThroughputAsync(silo, meter, settings, cancellationToken);
            Console.WriteLine($"{provider}: {throughput.DeliveriesPerSecond:N0} deliveries/s ({throughput.TweetsPerSecond:N0} tweets/s)");
            var rate = throughput.TweetsPerSecond * settings.LagLoad;
            var lag = await MeasureLagAsync(silo, meter, settings, rate, cancellationToken);
            Console.WriteLine($"{provider}: lag at {rate:N0} tweets/s: p50 {lag.P50:0.0} ms, p99 {lag.P99:0.0} ms ({lag.Count:N0} deliveries)");
            results.Add(new ProviderResult(provider, throughput, rate, lag));
        }

        var report = new StreamFanoutReport(startedAt, command, settings, results);
        Console.WriteLine(report.Render());
        if (settings.OutputPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, report.Render(), cancellationToken);
        }

        return 0;
    }

    private static async Task<FanoutThroughput> MeasureThroughputAsync(FanoutSilo silo, DeliveryMeter meter, StreamFanoutSettings settings, CancellationToken cancellationToken)
    {
        var before = meter.Deliveries;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        long posted = 0;
        await Task.WhenAll(silo.Authors.Select(async (author, i) =>
        {
            for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
            {
                await author.PostAsync($"tweet {n} of author {i}", null);
                Interlocked.Increment(ref posted);
            }
        }));

        // A durable provider acknowledges posts before delivering: the run ends when the last delivery is in.
        var expected = posted * settings.Followers;
        await WaitForDeliveriesAsync(meter, before + expected, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(start, meter.LastDeliveryAt).TotalSeconds;
        return new FanoutThroughput(posted, meter.Deliveries - before, seconds);
    }

    private static async Task<LatencySummary> MeasureLagAsync(FanoutSilo silo, DeliveryMeter meter, StreamFanoutSettings settings, double tweetsPerSecond, CancellationToken cancellationToken)
    {
        var before = meter.Deliveries;
        meter.StartRecordingLag();
        var posts = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var issued = 0;
        using var timer = new PeriodicTimer(IssueTick);
        while (Stopwatch.GetElapsedTime(start) < settings.Duration)
        {
            // Open loop: the schedule, not the responses, decides when the next posts go out.
            var due = (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * tweetsPerSecond);
            for (; issued < due; issued++)
            {
                posts.Add(silo.Authors[issued % silo.Authors.Count].PostAsync($"paced tweet {issued}", null));
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        await Task.WhenAll(posts);
        await WaitForDeliveriesAsync(meter, before + ((long)issued * settings.Followers), cancellationToken);
        var lags = meter.StopRecordingLag();
        return LatencySummary.FromTicks(lags.Select(ms => (long)(ms * Stopwatch.Frequency / 1000.0)));
    }

    private static async Task WaitForDeliveriesAsync(DeliveryMeter meter, long target, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (meter.Deliveries < target)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Only {meter.Deliveries:N0} of {target:N0} deliveries arrived within {DrainTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}

/// <summary>What the throughput run did.</summary>
internal sealed record FanoutThroughput(long Tweets, long Deliveries, double Seconds)
{
    public double DeliveriesPerSecond => Deliveries / Seconds;

    public double TweetsPerSecond => Tweets / Seconds;
}

/// <summary>One provider's figures.</summary>
internal sealed record ProviderResult(string Provider, FanoutThroughput Throughput, double LagRate, LatencySummary Lag);
