using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary>
/// Listens to the timeline's own instruments in this process: deliveries into home timelines,
/// and each one's lag from post to visible, which the user grain records as it adds the tweet.
/// </summary>
internal sealed class DeliveryMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lagLock = new();
    private List<double>? _lags;
    private long _deliveries;
    private long _lastDeliveryAt;

    public DeliveryMeter()
    {
        // The callback below compares with the instruments' fields: create them first, or the
        // callback would run inside their static initialiser and see nulls.
        var instruments = (TimelineInstruments.Deliveries.Name, TimelineInstruments.DeliveryLag.Name);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TimelineInstruments.MeterName
                && (instrument.Name == instruments.Item1 || instrument.Name == instruments.Item2))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            Interlocked.Add(ref _deliveries, value);
            Volatile.Write(ref _lastDeliveryAt, Stopwatch.GetTimestamp());
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            if (Volatile.Read(ref _lags) is { } lags)
            {
                lock (_lagLock)
                {
                    lags.Add(value);
                }
            }
        });
        _listener.Start();
    }

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public long LastDeliveryAt => Volatile.Read(ref _lastDeliveryAt);

    public void StartRecordingLag() => Volatile.Write(ref _lags, []);

    /// <summary>The lags recorded since <see cref="StartRecordingLag"/>, in milliseconds.</summary>
    public double[] StopRecordingLag()
    {
        var lags = Interlocked.Exchange(ref _lags, null) ?? [];
        lock (_lagLock)
        {
            return [.. lags];
        }
    }

    public void Dispose() => _listener.Dispose();
}
