using System.Diagnostics;

namespace OrleansTwitter.Grains.Tests.Infrastructure;

/// <summary>Bounded waits on conditions, whose failure says what was waited for.</summary>
internal static class Eventually
{
    /// <summary>How long a test waits for something asynchronous (a fan-out, a deactivation): generous, for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), Timeout, what);

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitAsync(() => Task.FromResult(condition()), timeout, what);

    public static Task WaitAsync(Func<Task<bool>> condition, string what) => WaitAsync(condition, Timeout, what);

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}, in vain.");
            }

            await Task.Delay(Poll);
        }
    }
}
