using System.Diagnostics.Metrics;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Timeline.Benchmarks.Infrastructure;

/// <summary>
/// Counts tweets arriving in home timelines (the domain's own
/// <see cref="TimelineInstruments.Deliveries"/> counter, which a user grain adds to when a
/// delivery enters its timeline), so a benchmark can wait until every delivery it caused has
/// arrived: fan-out runs after a post returns, through the stream provider's pulling agent.
/// </summary>
internal sealed class DeliveryMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private long _delivered;
    private long _awaited = long.MaxValue;
    private TaskCompletionSource? _reached;

    public DeliveryMeter()
    {
        // Read before the listener starts: this runs the instruments' static initializer now, so
        // Start() finds the counter published. Were it first read inside the callback, during
        // that initializer (the counter is published as it is created), the field would still be null.
        var deliveries = TimelineInstruments.Deliveries;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, deliveries))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => OnDelivered(value));
        _listener.Start();
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Waits until <paramref name="count"/> deliveries have arrived since this meter started; throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(long count, TimeSpan timeout)
    {
        Task reached;
        lock (_lock)
        {
            if (Delivered >= count)
            {
                return;
            }

            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // A full fence, then a second look: a delivery counted between the first look and
            // this write read the old target, so it would not complete the wait.
            Interlocked.Exchange(ref _awaited, count);
            if (Delivered >= count)
            {
                _awaited = long.MaxValue;
                return;
            }

            reached = _reached.Task;
        }

        try
        {
            await reached.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Delivered:N0} deliveries arrived within {timeout}, not {count:N0}.");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnDelivered(long value)
    {
        if (Interlocked.Add(ref _delivered, value) < Volatile.Read(ref _awaited))
        {
            return;
        }

        lock (_lock)
        {
            if (Delivered >= _awaited)
            {
                _awaited = long.MaxValue;
                _reached?.TrySetResult();
            }
        }
    }
}
