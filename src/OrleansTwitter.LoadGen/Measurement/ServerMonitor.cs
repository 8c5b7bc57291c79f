namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>
/// Watches a server's processes (its main processes and everything below them: one redis-server,
/// a postmaster, or two silos and a web front end) from /proc while a
/// target is loaded and measured: the peak of their memory, sampled every second, and
/// their CPU time on demand. Memory is the proportional set size where it can be read, else
/// the resident size (which counts shared pages once per process, an overstatement).
/// </summary>
/// <remarks>
/// Reading a proportional set size makes the kernel walk the process's page tables: for a
/// redis-server holding 400 MB, sampling four times a second took 7% of the load generator's
/// CPU (perf). Once a second, plus a last sample when the watch ends, finds the same peak,
/// since a server's memory grows with what it was loaded with rather than in spikes.
/// </remarks>
internal sealed class ServerMonitor : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<int> _roots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes = -1;

    private ServerMonitor(IReadOnlyList<int> roots)
    {
        _roots = roots;
        Measure = ProcFs.ProportionalSetBytes(roots[0]) is null ? "RSS" : "PSS";
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>"PSS" or "RSS": which memory figure <see cref="PeakBytes"/> is.</summary>
    public string Measure { get; }

    /// <summary>The largest total seen so far, or null if none could be read.</summary>
    public long? PeakBytes => Interlocked.Read(ref _peakBytes) is var peak and >= 0 ? peak : null;

    /// <summary>Starts watching the trees of <paramref name="roots"/>, or returns null when none is given or one cannot be read here.</summary>
    public static ServerMonitor? Start(IReadOnlyList<int> roots) =>
        roots is { Count: > 0 } && roots.All(pid => ProcFs.ResidentBytes(pid) is not null) ? new ServerMonitor(roots) : null;

    /// <summary>The CPU time the tree's processes have used so far (processes that already exited are not counted).</summary>
    public TimeSpan CpuTime() =>
        Processes().Select(ProcFs.CpuTime).OfType<TimeSpan>().Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>Stops sampling, takes a last sample, and returns the peak (null if none could be read); later calls return the same.</summary>
    public async Task<long?> StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampling;
            Sample();
        }

        return PeakBytes;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private IEnumerable<int> Processes() => _roots.SelectMany(ProcFs.Tree).Distinct();

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SampleEvery);
        do
        {
            Sample();
        }
        while (await Tick(timer));
    }

    // One writer at a time (the loop, then the last sample after it); readers see whole values.
    private void Sample()
    {
        var readings = Processes().Select(pid => Measure == "PSS" ? ProcFs.ProportionalSetBytes(pid) : ProcFs.ResidentBytes(pid)).OfType<long>().ToList();
        if (readings.Count > 0)
        {
            var total = readings.Sum();
            if (total > Interlocked.Read(ref _peakBytes))
            {
                Interlocked.Exchange(ref _peakBytes, total);
            }
        }
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
