using System.Collections;
using System.Diagnostics;

namespace OrleansTwitter.Testing.Waiting;

/// <summary>
/// Bounded waits: on a condition polled until it holds, or on a task until it completes. Every
/// wait has a deadline, and its failure (a <see cref="TimeoutException"/>) says what was waited
/// for and, where the wait read something, the last value it saw. An exception thrown by a
/// condition ends the wait at once, so a check can fail fast (a process that exited, an assertion).
/// Compiled into each test project that waits.
/// </summary>
internal static class Eventually
{
    /// <summary>How long a wait lasts when the call names no timeout: generous, for a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The pause between two checks when the call names none: short, as most checks are cheap reads in the test process.</summary>
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A longer pause, for checks that cost the processes under test real work (whole timelines
    /// read over HTTP): polling must not become the load the test puts on them.
    /// </summary>
    public static readonly TimeSpan SlowPoll = TimeSpan.FromMilliseconds(250);

    public static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(condition, DefaultTimeout, what);

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what, TimeSpan? poll = null) =>
        WaitAsync(() => Task.FromResult(condition()), timeout, what, poll);

    public static Task WaitAsync(Func<Task<bool>> condition, string what) => WaitAsync(condition, DefaultTimeout, what);

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}, in vain.");
            }

            await Task.Delay(poll ?? DefaultPoll);
        }
    }

    public static Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what) => WaitForAsync(read, done, DefaultTimeout, what);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, and returns that; a timeout shows the last value read.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}, in vain; the last value read: {Describe(value)}");
            }

            await Task.Delay(poll ?? DefaultPoll);
        }
    }

    /// <summary>
    /// Checks until <paramref name="missing"/> returns null (met); a non-null result says what is
    /// still missing, and the last one is in the timeout's message. Returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> MeetsAsync(Func<Task<string?>> missing, TimeSpan timeout, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        await WaitForAsync(missing, m => m is null, timeout, what, poll);
        return clock.Elapsed;
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task CompletesAsync(Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Waited {timeout} for {what}, in vain.", ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/> and returns its result.</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        await CompletesAsync((Task)task, timeout, what);
        return await task;
    }

    private static string Describe<T>(T value) => value switch
    {
        string text => text,
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value?.ToString() ?? "null",
    };
}
