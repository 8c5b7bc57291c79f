using System.Collections.Concurrent;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>
/// What lifecycle grains report, injected through the silo's services. Tests wait on it for
/// an event with a deadline, instead of polling.
/// </summary>
public sealed class LifecycleJournal
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    public IReadOnlyCollection<string> Events => _events;

    public void Record(string entry)
    {
        _events.Enqueue(entry);
        _waiters.GetOrAdd(entry, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes when <paramref name="entry"/> has been recorded; fails naming it after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string entry, TimeSpan timeout)
    {
        var waiter = _waiters.GetOrAdd(entry, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await waiter.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{entry}' was not recorded within {timeout}. Recorded: {string.Join(", ", _events)}");
        }
    }

    public int Count(string entry) => _events.Count(e => e == entry);
}
