using System.Diagnostics;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>
/// Latency at a fixed rate: calls are issued on a schedule (call i at i / rate seconds) whether
/// or not earlier ones have returned, so a slow response cannot hold back the next request and
/// hide itself (coordinated omission). Each call is timed from the moment it is issued; how
/// late the issuer itself ran against the schedule is reported beside it. The issuer is a
/// thread of its own that wakes every <see cref="IssuePeriod"/>, so calls leave in small
/// groups rather than in bursts shaped by the timer's resolution.
/// </summary>
internal static class OpenLoopLoad
{
    /// <summary>How long the issuer sleeps between rounds of issuing every call then due (it wakes a little later: timer slack).</summary>
    private static readonly TimeSpan IssuePeriod = TimeSpan.FromMicroseconds(100);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(35);

    /// <summary>
    /// Issues calls at <paramref name="rate"/> for <paramref name="warmup"/>, unmeasured, then for
    /// <paramref name="duration"/>, measured. The warm-up is there because the open loop takes
    /// code paths the closed loop did not (a quiet connection's inline write, the issuer's own
    /// calls): without it the runtime is still compiling their faster tiers in the measured
    /// window, and those compilations hold a core for milliseconds, which is start-up cost and
    /// not the latency of a call. Errors of the warm-up count with the run's.
    /// </summary>
    public static async Task<LatencyResult> RunAsync(ProfileCalls calls, double rate, TimeSpan warmup, TimeSpan duration, IReadOnlyList<ChildProcess> processes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(warmup, TimeSpan.Zero);
        var warmupCalls = checked((int)(rate * warmup.TotalSeconds));
        var warmupRun = new Run(calls, warmupCalls, rate);
        if (warmupCalls > 0)
        {
            await warmupRun.IssueAllAsync(IssuePeriod, cancellationToken);
            await DrainAsync(warmupRun, "warm-up");
        }

        var total = checked((int)(rate * duration.TotalSeconds));
        var run = new Run(calls, total, rate);
        var before = ResourceSample.Take(processes);
        await run.IssueAllAsync(IssuePeriod, cancellationToken);
        var issuedFor = Stopwatch.GetElapsedTime(run.Start);
        await DrainAsync(run, "latency run");
        var usage = ResourceSample.Between(before, ResourceSample.Take(processes));
        return new LatencyResult(
            rate,
            total / issuedFor.TotalSeconds,
            run.Errors + warmupRun.Errors,
            run.FirstError ?? warmupRun.FirstError,
            LatencySummary.FromTicks(run.Durations.Where(d => d >= 0)),
            LatencySummary.FromTicks(run.Lags),
            usage);
    }

    private static async Task DrainAsync(Run run, string what)
    {
        if (!await run.DrainAsync(DrainTimeout))
        {
            throw new TimeoutException($"{run.InFlight} calls of the {what} were still in flight {DrainTimeout} after the last was issued.");
        }
    }

    private sealed class Run(ProfileCalls calls, int total, double rate)
    {
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight = 1; // the issuer's own share, released when it has issued the last call
        private long _errors;
        private string? _firstError;

        public long Start { get; private set; }

        /// <summary>Each call's duration in Stopwatch ticks; -1 for a call that failed.</summary>
        public long[] Durations { get; } = new long[total];

        /// <summary>How late each call was issued against its scheduled time, in Stopwatch ticks.</summary>
        public long[] Lags { get; } = new long[total];

        public int InFlight => Volatile.Read(ref _inFlight);

        public long Errors => Interlocked.Read(ref _errors);

        public string? FirstError => _firstError;

        public Task IssueAllAsync(TimeSpan period, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var issuer = new Thread(() =>
            {
                try
                {
                    Issue(period, cancellationToken);
                    done.TrySetResult();
                }
                catch (OperationCanceledException)
                {
                    done.TrySetCanceled(cancellationToken);
                }
            })
            { IsBackground = true, Name = "open-loop issuer" };
            issuer.Start();
            return done.Task;
        }

        private void Issue(TimeSpan period, CancellationToken cancellationToken)
        {
            Start = Stopwatch.GetTimestamp();
            var ticksPerCall = Stopwatch.Frequency / rate;
            var issued = 0;
            try
            {
                while (issued < total)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var now = Stopwatch.GetTimestamp();
                    var due = Math.Min(total, (int)((now - Start) / ticksPerCall) + 1);
                    for (; issued < due; issued++)
                    {
                        Lags[issued] = now - Start - (long)(issued * ticksPerCall);
                        Interlocked.Increment(ref _inFlight);
                        _ = CallAsync(issued);
                    }

                    PreciseSleep.Sleep(period);
                }
            }
            finally
            {
                Release();
            }
        }

        public async Task<bool> DrainAsync(TimeSpan timeout)
        {
            var finished = await Task.WhenAny(_drained.Task, Task.Delay(timeout));
            return finished == _drained.Task;
        }

        private async Task CallAsync(int index)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await calls.CallAsync();
                Durations[index] = Stopwatch.GetTimestamp() - started;
            }
            catch (Exception exception)
            {
                // Counted and reported, never fatal.
                Durations[index] = -1;
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, exception.GetType().Name + ": " + exception.Message, null);
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _inFlight) == 0)
            {
                _drained.TrySetResult();
            }
        }
    }
}
