using System.Diagnostics;

namespace OrleansTwitter.Grains.Tests.Infrastructure;

/// <summary>Bounded waits on conditions, whose failure says what was waited for.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}, in vain.");
            }

            await Task.Delay(Poll);
        }
    }

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
