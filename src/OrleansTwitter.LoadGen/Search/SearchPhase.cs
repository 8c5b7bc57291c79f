using System.Diagnostics;
using System.Globalization;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.LoadGen.Measurement;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Search;

/// <summary>
/// Fills the index up to the set number of tweets, waits until indexing has caught up, then
/// measures searches (<see cref="ISearchGrain"/>, 20 per page, as the API asks) from the client.
/// </summary>
internal static class SearchPhase
{
    private const int Markers = 16;
    private const int WarmupQueries = 300;
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(3);

    public static async Task<SearchResult> RunAsync(IGrainFactory grains, IUserGrain[] users, long alreadyPosted, SearchSettings settings, CancellationToken cancellationToken)
    {
        var remaining = Math.Max(0, settings.Tweets - alreadyPosted);
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"posting {remaining:N0} more tweets to reach {settings.Tweets:N0}", maxValue: Math.Max(1, remaining));
            long next = 0;
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(c => Task.Run(async () =>
            {
                var workload = new SearchWorkload(7_777 + c);
                while (Interlocked.Increment(ref next) <= remaining)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await users[Random.Shared.Next(users.Length)].PostAsync(workload.NextTweet(), null);
                    task.Increment(1);
                }
            }, cancellationToken)));
            task.Value = task.MaxValue;
        });

        var catchUp = await WaitForMarkersAsync(grains, users, cancellationToken);
        var search = grains.GetGrain<ISearchGrain>(0);
        var ticks = new long[settings.Queries];
        long found = 0;
        long issued = -WarmupQueries;
        await Task.WhenAll(Enumerable.Range(0, settings.QueryConcurrency).Select(c => Task.Run(async () =>
        {
            var workload = new SearchWorkload(31 + c);
            long slot;
            while ((slot = Interlocked.Increment(ref issued) - 1) < settings.Queries)
            {
                var query = workload.NextQuery();
                var started = Stopwatch.GetTimestamp();
                var page = await search.SearchAsync(query, TimelineLimits.DefaultPageSize, null);
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (slot >= 0)
                {
                    ticks[slot] = elapsed;
                    Interlocked.Add(ref found, page.Items.Count);
                }
            }
        }, cancellationToken)));
        return new SearchResult(settings.Tweets, LatencySummary.FromTicks(ticks), (double)found / settings.Queries, catchUp);
    }

    // Posts carry unique words from several users (several stream queues); once each is found,
    // the queues ahead of them have been indexed.
    private static async Task<TimeSpan> WaitForMarkersAsync(IGrainFactory grains, IUserGrain[] users, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var markers = Enumerable.Range(0, Markers).Select(i => $"marker{run}x{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(markers.Select((m, i) => users[i * (users.Length / Markers)].PostAsync($"{m} ends the fill", null)));
        var search = grains.GetGrain<ISearchGrain>(0);
        foreach (var marker in markers)
        {
            while ((await search.SearchAsync(marker, 1, null)).Items.Count == 0)
            {
                if (clock.Elapsed > CatchUpTimeout)
                {
                    throw new TimeoutException($"Indexing had not caught up with the posts after {CatchUpTimeout}: '{marker}' was not found.");
                }

                await Task.Delay(50, cancellationToken);
            }
        }

        return clock.Elapsed;
    }
}
