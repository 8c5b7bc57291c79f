using System.Collections.Concurrent;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>
/// What the probe consumers saw. It deduplicates by event id, as a consumer of an at-least-once
/// stream must, and it outlives activations (as a consumer's persisted state would), so a
/// redelivery to a reactivated consumer is recognised too.
/// </summary>
public sealed class ProbeSink
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _handledIds = [];
    private readonly List<ProbeEvent> _handled = [];
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<int> _target = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;
    private int _started;

    /// <summary>
    /// Runs before each delivery is handled, with the event and how many times it was delivered
    /// (this one included): a test makes consumers fail or wait here.
    /// </summary>
    public Func<ProbeEvent, int, Task>? BeforeHandling { get; set; }

    /// <summary>Runs after an event was recorded as handled, before the delivery returns: a failure here is a crash between handling and acknowledging.</summary>
    public Func<ProbeEvent, int, Task>? AfterHandling { get; set; }

    /// <summary>Deliveries that began, duplicates included.</summary>
    public int Started => Volatile.Read(ref _started);

    public int DeliveriesOf(StreamEventContext context) => _deliveries.GetValueOrDefault(context.EventId);

    public int TotalDeliveries => _deliveries.Values.Sum();

    /// <summary>Completes when the gate opens; consumers told to wait await it.</summary>
    public Task Gate => _gate.Task;

    public void OpenGate() => _gate.TrySetResult();

    public IReadOnlyList<ProbeEvent> Handled
    {
        get
        {
            lock (_lock)
            {
                return [.. _handled];
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> distinct events were handled.</summary>
    public Task WhenHandledAsync(int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            _expected = count;
            _target = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_handled.Count >= count)
            {
                _target.TrySetResult(_handled.Count);
            }

            return _target.Task.WaitAsync(timeout);
        }
    }

    internal async Task DeliverAsync(ProbeEvent item, StreamEventContext context)
    {
        Interlocked.Increment(ref _started);
        var delivery = _deliveries.AddOrUpdate(context.EventId, 1, (_, n) => n + 1);
        if (BeforeHandling is { } before)
        {
            await before(item, delivery);
        }

        lock (_lock)
        {
            if (!_handledIds.Add(context.EventId))
            {
                return;
            }

            _handled.Add(item);
            if (_handled.Count >= _expected)
            {
                _target.TrySetResult(_handled.Count);
            }
        }

        if (AfterHandling is { } after)
        {
            await after(item, delivery);
        }
    }
}
