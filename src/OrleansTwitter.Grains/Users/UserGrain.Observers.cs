using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Users;

// Live subscribers of the home timeline (the web front end's event streams).
internal sealed partial class UserGrain
{
    // In memory only: a subscription is as short-lived as the connection behind it, and a web
    // instance renews its subscriptions, so nothing is worth a storage write. Oldest first.
    private List<IHomeTimelineObserver>? _observers;

    public Task SubscribeAsync(IHomeTimelineObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        EnsureRegistered();
        var observers = _observers ??= [];
        if (observers.Contains(observer))
        {
            return Task.CompletedTask;
        }

        if (observers.Count >= TimelineLimits.MaxTimelineObservers)
        {
            // The oldest is the likeliest to belong to a connection that is gone.
            observers.RemoveAt(0);
        }

        observers.Add(observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IHomeTimelineObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers?.Remove(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells the subscribers about a new home-timeline entry without waiting for them: a post or
    /// a delivery must never be slowed, or blocked, by a slow or vanished web instance.
    /// </summary>
    private void NotifyObservers(Tweet tweet)
    {
        if (_observers is not { Count: > 0 } observers)
        {
            return;
        }

        foreach (var observer in observers.ToArray())
        {
            _ = NotifyAsync(observer, tweet);
        }
    }

    private async Task NotifyAsync(IHomeTimelineObserver observer, Tweet tweet)
    {
        try
        {
            await observer.OnTweetAsync(tweet);
        }
        catch (Exception exception)
        {
            // The continuation runs as a turn of this activation, so the list is safe to change.
            // A subscriber that is still there subscribes again when it renews.
            if (_observers?.Remove(observer) == true)
            {
                TimelineLog.ObserverDropped(services.Logger, exception, Key);
            }
        }
    }
}
