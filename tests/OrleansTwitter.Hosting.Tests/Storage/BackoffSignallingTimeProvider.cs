using Microsoft.Extensions.Time.Testing;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// Fake time that signals each timer created. The File provider's lock creates a timer only to
/// back off from a held lock, so a new timer means "the writer found the lock held and waits",
/// and a test can move time exactly one retry at a time.
/// </summary>
internal sealed class BackoffSignallingTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _backoffs = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _backoffs.Release();
        return timer;
    }

    /// <summary>Completes when the next back-off timer is created, or <paramref name="task"/> completes; false when neither within <paramref name="timeout"/>.</summary>
    public async Task<bool> NextBackoffOrCompletionAsync(Task task, TimeSpan timeout)
    {
        var backoff = _backoffs.WaitAsync(timeout);
        var first = await Task.WhenAny(backoff, task);
        return first == task || await backoff;
    }
}
