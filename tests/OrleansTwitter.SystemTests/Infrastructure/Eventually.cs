using System.Diagnostics;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>Bounded waits on a condition: every wait has a deadline, and its failure says what it waited for and what it saw last.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Checks <paramref name="check"/> until it returns null (met) or <paramref name="timeout"/>
    /// passes; a non-null result says what is still missing. Returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> MeetsAsync(string what, TimeSpan timeout, Func<Task<string?>> check)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var missing = await check();
            if (missing is null)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}; last seen: {missing}");
            }

            await Task.Delay(Pause);
        }
    }
}
