using OrleansTwitter.Actors.Client;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Live;

/// <summary>
/// One event stream's subscription to its user's grain. It is renewed with a fresh observer
/// reference at every heartbeat: the grain keeps observers only while it is active, and a cluster
/// client's reference is bound to the gateway it was made through, so a fresh one also survives
/// that gateway leaving. The stream drops the duplicates a renewal can cause.
/// </summary>
internal sealed class StreamSubscription(IClusterClient cluster, IUserGrain user, IHomeTimelineObserver observer, string userKey, ILogger logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IHomeTimelineObserver? _current;
    private bool _closed;

    /// <summary>True once <see cref="OpenAsync"/> succeeded.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Subscribes; throws what the grain throws (an unknown user, say).</summary>
    public async Task OpenAsync()
    {
        _current = await SubscribeFreshAsync();
        IsOpen = true;
    }

    /// <summary>Subscribes a fresh reference and releases the previous one; skipped while a renewal is under way.</summary>
    public async Task RenewAsync()
    {
        if (!await _gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            if (_closed)
            {
                return;
            }

            var previous = _current;
            _current = await SubscribeFreshAsync();
            if (previous is not null)
            {
                await ReleaseAsync(previous);
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
            if (_current is { } current)
            {
                _current = null;
                await ReleaseAsync(current);
            }
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<IHomeTimelineObserver> SubscribeFreshAsync()
    {
        var reference = cluster.CreateObjectReference<IHomeTimelineObserver>(observer);
        try
        {
            await user.SubscribeAsync(reference).WaitAsync(s_callTimeout);
            return reference;
        }
        catch
        {
            cluster.DeleteObjectReference<IHomeTimelineObserver>(reference);
            throw;
        }
    }

    private async Task ReleaseAsync(IHomeTimelineObserver reference)
    {
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
