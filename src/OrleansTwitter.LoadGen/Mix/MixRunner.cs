using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.Workload;

namespace OrleansTwitter.LoadGen.Mix;

/// <summary>
/// Runs the mix against one target: the callers start, warm up, are measured for the
/// duration while the lag sampler follows sampled posts, and stop; CPU counters bracket the window.
/// </summary>
internal static class MixRunner
{
    /// <summary>How long callers may take to finish their last operation once told to stop.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    public static async Task<MixResult> RunAsync(ITimelineTarget target, TimelineWorkload workload, MixSettings settings, ServerMonitor? server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        var window = new MixWindow(workload.FirstNewTweetId);
        var lag = new LagSampler(target, workload, window, settings.Seed);
        var callers = Enumerable.Range(0, settings.Concurrency).Select(i => new MixCaller(i, target, workload, settings, window, lag)).ToList();
        var running = callers.Select(c => Task.Run(() => c.RunAsync(cancellationToken), CancellationToken.None)).ToList();
        Task? sampling = null;
        CpuShares cpu;
        try
        {
            await Task.Delay(settings.Warmup, cancellationToken);
            var before = CpuSample.Take(server);
            window.Open();
            sampling = Task.Run(() => lag.RunAsync(cancellationToken), CancellationToken.None);
            await Task.Delay(settings.Duration, cancellationToken);
            window.Close();
            cpu = CpuSample.Between(before, CpuSample.Take(server));
        }
        finally
        {
            window.Close();
            var all = sampling is null ? running : [.. running, sampling];
            await Task.WhenAll(all).WaitAsync(DrainTimeout, CancellationToken.None);
        }

        return new MixResult(
            window.Elapsed,
            callers.Sum(c => (long)c.ReadTicks.Count),
            callers.Sum(c => (long)c.PostTicks.Count),
            callers.Sum(c => c.Deliveries),
            callers.Sum(c => c.EntriesRead),
            LatencySummary.FromTicks(callers.SelectMany(c => c.ReadTicks)),
            LatencySummary.FromTicks(callers.SelectMany(c => c.PostTicks)),
            LatencySummary.FromTicks(lag.LagTicks),
            window.Errors,
            window.FirstError,
            cpu);
    }
}
