namespace OrleansTwitter.Actors.Tests.Persistence;

/// <summary>
/// System time that reports when a timer is first created. The file provider's lock creates a
/// timer only to back off from a held lock, so the first timer means "it saw the contention".
/// </summary>
internal sealed class BackoffSignallingTimeProvider : TimeProvider
{
    private readonly TaskCompletionSource _firstBackoff = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstBackoff => _firstBackoff.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _firstBackoff.TrySetResult();
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
