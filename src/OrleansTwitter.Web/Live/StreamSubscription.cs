using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Live;

/// <summary>
/// One event stream's subscription to its user's grain, through an Orleans grain observer. The
/// grain keeps observers in memory only, so the subscription ends when the grain's activation
/// does (an idle collection, a silo that left): the stream renews it at every heartbeat, which
/// is idempotent while it still stands. Orleans routes the grain's calls to this observer
/// through whichever gateway this client still has, so one reference lasts the whole stream.
/// </summary>
internal sealed class StreamSubscription(IClusterClient cluster, IUserGrain user, IHomeTimelineObserver observer, string userKey, ILogger logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IHomeTimelineObserver? _reference;
    private bool _closed;

    /// <summary>True once <see cref="OpenAsync"/> succeeded.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Subscribes; throws what the grain throws (an unknown user, say).</summary>
    public async Task OpenAsync()
    {
        _reference = cluster.CreateObjectReference<IHomeTimelineObserver>(observer);
        try
        {
            await user.SubscribeAsync(_reference).WaitAsync(s_callTimeout);
        }
        catch
        {
            // Orleans deletes by the reference it made; the observer object itself is refused.
            cluster.DeleteObjectReference<IHomeTimelineObserver>(_reference);
            _reference = null;
            throw;
        }

        IsOpen = true;
    }

    /// <summary>Subscribes again (the grain may have been reactivated since); skipped while a renewal is under way.</summary>
    public async Task RenewAsync()
    {
        if (!await _gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            if (!_closed && _reference is { } reference)
            {
                await user.SubscribeAsync(reference).WaitAsync(s_callTimeout);
            }
        }
        catch (Exception exception)
        {
            WebLog.StreamRenewFailed(logger, exception, userKey);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _closed = true;
            if (_reference is { } reference)
            {
                _reference = null;
                try
                {
                    await user.UnsubscribeAsync(reference).WaitAsync(s_callTimeout);
                }
                catch (Exception exception)
                {
                    // The grain drops it at its next push, which fails once the reference is deleted.
                    WebLog.StreamUnsubscribeFailed(logger, exception, userKey);
                }
                finally
                {
                    cluster.DeleteObjectReference<IHomeTimelineObserver>(reference);
                }
            }
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
