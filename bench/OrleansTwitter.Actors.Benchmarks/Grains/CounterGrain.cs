using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Benchmarks.Grains;

/// <summary>
/// Completes synchronously on purpose: the benchmark measures what the runtime adds to a
/// call, so the grain's own work is the same few instructions as the baseline's.
/// </summary>
internal sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    // No lock: the runtime runs one turn at a time, which is what the baseline's semaphore buys.
    public Task<int> IncrementAsync(int by) => Task.FromResult(_count += by);
}
