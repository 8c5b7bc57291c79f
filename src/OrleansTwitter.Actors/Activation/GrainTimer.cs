using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// A timer whose ticks are queued to the activation like requests. The next tick is armed
/// only after the current one finishes, so ticks of one timer never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private TimeSpan _period;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, TimeProvider timeProvider)
    {
        if (options.DueTime < TimeSpan.Zero && options.DueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DueTime, "A timer's DueTime must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (options.Period <= TimeSpan.Zero && options.Period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Period, "A timer's Period must be positive, or Timeout.InfiniteTimeSpan for a single tick.");
        }

        _activation = activation;
        _callback = callback;
        Options = options;
        _period = options.Period;
        _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public GrainTimerCreationOptions Options { get; }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        _period = period;
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _timer.Dispose();
            _activation.OnTimerDisposed(this);
        }
    }

    internal async Task RunTickAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await _callback(_disposed.Token);
        }
        catch (Exception exception)
        {
            if (_disposed.IsCancellationRequested)
            {
                // Disposed mid-tick: the callback saw its token cancelled; nothing to report.
                return;
            }

            // A failing tick must not kill the timer or the activation: it is logged and the
            // timer goes on, as in Orleans.
            ActivationLog.TimerTickFailed(_activation.Logger, exception, _activation.GrainId);
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested && !_activation.TryEnqueueTimerTick(this))
        {
            // The activation is going away: the timer goes with it.
            Dispose();
        }
    }
}
