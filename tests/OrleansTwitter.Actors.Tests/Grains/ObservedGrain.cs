using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

public interface ITestObserver : IGrainObserver
{
    Task OnMessageAsync(string message);
}

public interface IObservedGrain : IGrainWithStringKey
{
    Task SubscribeAsync(ITestObserver observer);

    /// <summary>Calls every observer; returns how many took it. Observers that fail are dropped.</summary>
    Task<int> NotifyAsync(string message);
}

public sealed class ObservedGrain : Grain, IObservedGrain
{
    private readonly List<ITestObserver> _observers = [];

    public Task SubscribeAsync(ITestObserver observer)
    {
        _observers.Add(observer);
        return Task.CompletedTask;
    }

    public async Task<int> NotifyAsync(string message)
    {
        var delivered = 0;
        foreach (var observer in _observers.ToList())
        {
            try
            {
                await observer.OnMessageAsync(message);
                delivered++;
            }
            catch (InvalidOperationException)
            {
                // The observer was deleted: forget it, as a grain should.
                _observers.Remove(observer);
            }
        }

        return delivered;
    }
}

/// <summary>Records messages, and completes a task when the expected number arrived.</summary>
public sealed class RecordingObserver(int expected) : ITestObserver
{
    private readonly List<string> _messages = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task OnMessageAsync(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            if (_messages.Count >= expected)
            {
                _done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}
