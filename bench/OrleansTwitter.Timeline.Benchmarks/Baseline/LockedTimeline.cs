using OrleansTwitter.Contracts;

namespace OrleansTwitter.Timeline.Benchmarks.Baseline;

/// <summary>
/// The baseline of the read benchmark: the same page copy from a plain array sorted newest
/// first, behind a <see cref="SemaphoreSlim"/> (what one writes by hand without actors).
/// </summary>
internal sealed class LockedTimeline(Tweet[] newestFirst) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<TimelinePage> ReadAsync(int limit)
    {
        await _gate.WaitAsync();
        try
        {
            var take = Math.Min(limit, newestFirst.Length);
            var items = new Tweet[take];
            Array.Copy(newestFirst, items, take);
            return new TimelinePage(items, newestFirst.Length > take ? items[^1].Id : null);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
