using System.Diagnostics;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>Bounded waits on conditions, whose failure says what was waited for.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task WaitAsync(Func<bool> condition, string what) => await WaitAsync(() => Task.FromResult(condition()), what);

    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (stopwatch.Elapsed > Wait)
            {
                throw new TimeoutException($"Waited {Wait} for {what}, in vain.");
            }

            await Task.Delay(10);
        }
    }
}
