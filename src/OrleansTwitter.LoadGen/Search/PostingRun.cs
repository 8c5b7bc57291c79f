using System.Diagnostics;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.LoadGen.Search;

/// <summary>
/// Posts from random users as fast as <c>concurrency</c> callers can, each posting again as soon
/// as its last post returned; counts the posts acknowledged in the measured window after a warm-up.
/// </summary>
internal static class PostingRun
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(35);

    public static async Task<PostingResult> RunAsync(IUserGrain[] users, int concurrency, TimeSpan warmup, TimeSpan duration, int seed, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        long posted = 0;
        long errors = 0;
        string? firstError = null;
        var callers = Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var workload = new SearchWorkload(seed * 10_007 + c);
            var random = new Random(seed + c);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await users[random.Next(users.Length)].PostAsync(workload.NextTweet(), null);
                    Interlocked.Increment(ref posted);
                }
                catch (Exception exception)
                {
                    // Counted and reported, never fatal.
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, exception.GetType().Name + ": " + exception.Message, null);
                }
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            await Task.Delay(warmup, cancellationToken);
            var before = Interlocked.Read(ref posted);
            var clock = Stopwatch.StartNew();
            await Task.Delay(duration, cancellationToken);
            var count = Interlocked.Read(ref posted) - before;
            await StopAsync();
            return new PostingResult(count, count / clock.Elapsed.TotalSeconds, Interlocked.Read(ref errors), firstError, Interlocked.Read(ref posted));
        }
        finally
        {
            await StopAsync();
        }

        async Task StopAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(callers).WaitAsync(DrainTimeout, CancellationToken.None);
        }
    }
}
