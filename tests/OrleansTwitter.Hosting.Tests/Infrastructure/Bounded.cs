using System.Diagnostics;

namespace OrleansTwitter.Hosting.Tests.Infrastructure;

/// <summary>Waits with a deadline that says what was awaited, so a fault fails a test instead of hanging it.</summary>
internal static class Bounded
{
    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Waited {timeout} for {what}.", ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task WithinAsync(Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Waited {timeout} for {what}.", ex);
        }
    }

    /// <summary>Calls <paramref name="probe"/> until it returns a value <paramref name="done"/> accepts, for at most <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}; the last value was {value}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
