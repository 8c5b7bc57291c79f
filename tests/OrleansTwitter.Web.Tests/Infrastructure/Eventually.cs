using System.Diagnostics;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>Bounded waits on conditions, whose failure says what was waited for.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task WaitAsync(Func<bool> condition, string what) => await WaitAsync(() => Task.FromResult(condition()), what);

    public static async Task WaitAsync(Func<Task<bool>> condition, string what) =>
        await WaitForAsync(condition, done => done, what);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, and returns that; a timeout shows the last value read.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (stopwatch.Elapsed > Wait)
            {
                throw new TimeoutException($"Waited {Wait} for {what}, in vain; the last value read: {Describe(value)}");
            }

            await Task.Delay(10);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        string text => text,
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value?.ToString() ?? "null",
    };
}
