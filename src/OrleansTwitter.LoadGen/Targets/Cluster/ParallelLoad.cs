using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// Loading through grain calls: many calls in flight (a call's round trip, not the silos'
/// work, would otherwise bound the load), and a bound on them so the client's and silos'
/// queues stay short.
/// </summary>
internal static class ParallelLoad
{
    /// <summary>Calls in flight while loading: enough to keep 2 silos busy on 2 cores.</summary>
    public const int InFlight = 512;

    /// <summary>Runs <paramref name="body"/> for every item, <paramref name="inFlight"/> at a time; <paramref name="progress"/> advances by what each returns.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, ProgressTask progress, Func<T, CancellationToken, Task<double>> body, CancellationToken cancellationToken, int inFlight = InFlight) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken },
            async (item, token) => progress.Increment(await body(item, token)));
}
