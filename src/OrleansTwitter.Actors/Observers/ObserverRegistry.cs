using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Observers;

/// <summary>
/// The observers created in this process, by handle. Calls to them run on the thread pool,
/// straight away: an observer is an ordinary object, with no turns and no activation.
/// </summary>
internal sealed class ObserverRegistry
{
    private readonly ConcurrentDictionary<Guid, object> _observers = new();

    public Guid Register(IGrainObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is GrainReference)
        {
            throw new ArgumentException("CreateObjectReference takes the observer object itself, not a reference to it.", nameof(observer));
        }

        var handle = Guid.NewGuid();
        _observers[handle] = observer;
        return handle;
    }

    public bool Remove(Guid handle) => _observers.TryRemove(handle, out _);

    /// <summary>Runs a call on the observer <paramref name="id"/> names and reports the outcome to the message's sink.</summary>
    public void Invoke(ObserverId id, Message message)
    {
        if (!_observers.TryGetValue(id.Handle, out var observer))
        {
            message.ResponseSink.Fail(new InvalidOperationException(
                $"Observer {message.Target} is no longer registered (DeleteObjectReference was called, or its process restarted); drop the reference."));
            return;
        }

        _ = RunAsync(observer, message);
    }

    private static async Task RunAsync(object observer, Message message)
    {
        // Off the caller's thread: an observer runs outside any grain's turn.
        await Task.Yield();
        try
        {
            message.ResponseSink.Complete(await message.Request.InvokeAsync(observer));
        }
        catch (Exception exception)
        {
            message.ResponseSink.Fail(exception);
        }
    }
}
