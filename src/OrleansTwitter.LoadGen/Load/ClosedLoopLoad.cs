using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>
/// Maximum throughput: <c>concurrency</c> callers, each making its next call as soon as the last
/// one returns. Counting starts after a warm-up (JIT tiers, pools, connections) and covers a
/// fixed window, bracketed by resource samples.
/// </summary>
internal static class ClosedLoopLoad
{
    /// <summary>How long callers may take to finish their last call once told to stop (the response timeout is 30 s).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(35);

    public static async Task<ThroughputResult> RunAsync(ProfileCalls calls, int concurrency, TimeSpan warmup, TimeSpan duration, IReadOnlyList<ChildProcess> processes, CancellationToken cancellationToken)
    {
        var counters = new Counters();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => CallerAsync(calls, counters), CancellationToken.None)).ToArray();
        try
        {
            await Task.Delay(warmup, cancellationToken);
            var (completedBefore, errorsBefore) = counters.Read();
            var before = ResourceSample.Take(processes);
            await Task.Delay(duration, cancellationToken);
            var (completedAfter, errorsAfter) = counters.Read();
            var after = ResourceSample.Take(processes);
            var usage = ResourceSample.Between(before, after);
            var completed = completedAfter - completedBefore;
            return new ThroughputResult(concurrency, completed, errorsAfter - errorsBefore, completed / usage.Elapsed.TotalSeconds, counters.FirstError, usage);
        }
        finally
        {
            counters.Stop = true;
            await Task.WhenAll(callers).WaitAsync(DrainTimeout, CancellationToken.None);
        }
    }

    private static async Task CallerAsync(ProfileCalls calls, Counters counters)
    {
        while (!counters.Stop)
        {
            try
            {
                await calls.CallAsync();
                Interlocked.Increment(ref counters.Completed);
            }
            catch (Exception exception)
            {
                // Counted and reported, never fatal: the run says how many calls failed and why.
                Interlocked.Increment(ref counters.Errors);
                Interlocked.CompareExchange(ref counters.FirstError, exception.GetType().Name + ": " + exception.Message, null);
            }
        }
    }

    private sealed class Counters
    {
        public long Completed;
        public long Errors;
        public string? FirstError;
        private volatile bool _stop;

        public bool Stop
        {
            get => _stop;
            set => _stop = value;
        }

        public (long Completed, long Errors) Read() => (Interlocked.Read(ref Completed), Interlocked.Read(ref Errors));
    }
}
