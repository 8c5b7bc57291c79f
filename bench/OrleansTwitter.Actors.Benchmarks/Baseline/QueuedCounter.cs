namespace OrleansTwitter.Actors.Benchmarks.Baseline;

/// <summary>
/// A reference point, not the baseline: the baseline's call delivered the way the runtime
/// delivers a grain call, with the request queued to the thread pool and the response
/// completing a task whose continuation runs asynchronously. Its cost is the floor of any
/// design with those two hops, which separates the price of the hops from the price of the
/// runtime's own bookkeeping.
/// </summary>
internal sealed class QueuedCounter : IDisposable
{
    private readonly LockedCounter _counter = new();

    public Task<int> IncrementAsync(int by)
    {
        var call = new QueuedCall(_counter, by);
        ThreadPool.UnsafeQueueUserWorkItem(call, preferLocal: false);
        return call.Task;
    }

    public void Dispose() => _counter.Dispose();

    private sealed class QueuedCall(LockedCounter counter, int by) : IThreadPoolWorkItem
    {
        // As in the runtime's pending calls: the caller's code must not run on the callee's thread.
        private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> Task => _completion.Task;

        public void Execute() => _ = CompleteAsync();

        private async Task CompleteAsync() => _completion.SetResult(await counter.IncrementAsync(by));
    }
}
