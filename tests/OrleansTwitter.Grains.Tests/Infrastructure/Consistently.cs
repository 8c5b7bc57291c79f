using System.Diagnostics;

namespace OrleansTwitter.Grains.Tests.Infrastructure;

/// <summary>
/// Checks that something does not happen: a condition that holds throughout a window in which
/// the thing, had it been started, would have shown (a Memory-stream delivery takes a few hundred
/// milliseconds at most). It can miss a fault on a stalled machine, never report a false one.
/// </summary>
internal static class Consistently
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        do
        {
            Assert.True(await condition(), $"Expected {what} throughout {Window}; it stopped holding after {stopwatch.Elapsed}.");
            await Task.Delay(Poll);
        }
        while (stopwatch.Elapsed < Window);
    }
}
