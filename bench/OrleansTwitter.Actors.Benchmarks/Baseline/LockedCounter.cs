namespace OrleansTwitter.Actors.Benchmarks.Baseline;

/// <summary>
/// The baseline: the counter grain's work as a direct async call on a plain object, made
/// safe for concurrent callers by a semaphore, as one would without an actor runtime.
/// </summary>
internal sealed class LockedCounter : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _count;

    public async Task<int> IncrementAsync(int by)
    {
        await _gate.WaitAsync();
        try
        {
            return _count += by;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
