using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansTwitter.Actors.Diagnostics.Metrics;

/// <summary>
/// Collects the measurements of this process's <see cref="Meter"/>s whose names start with one
/// of the given prefixes, from construction on, and renders them in the Prometheus text format
/// (the silo serves it at <c>GET /metrics</c> on its HTTP port). The Prometheus exporter
/// package is not available here, so this is our own, on <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// Counters are totals, up-down counters and observable gauges current values, histograms
/// cumulative buckets with a sum and a count (<see cref="HistogramBuckets"/>). Each tag
/// combination is a series; past <see cref="MaxSeriesPerInstrument"/> of them, further
/// combinations are added into one overflow series, so a tag with unbounded values cannot grow
/// memory without end. Enabling an instrument makes its recording sites do their work (a call's
/// duration, for example, is only timed while someone listens), so a process pays for metrics
/// only once it creates a collector.
/// </remarks>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>The most tag combinations kept apart per instrument.</summary>
    public const int MaxSeriesPerInstrument = 1000;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _instruments = new();
    private readonly string[] _meterPrefixes;

    /// <param name="meterPrefixes">Meters whose names start with one of these (ordinal) are collected; <c>OrleansTwitter</c> when none are given.</param>
    public MetricsCollector(params string[] meterPrefixes)
    {
        _meterPrefixes = meterPrefixes.Length > 0 ? meterPrefixes : ["OrleansTwitter"];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Collects(instrument.Meter) && InstrumentAggregate.TryCreate(instrument) is { } created)
            {
                listener.EnableMeasurementEvents(instrument, _instruments.GetOrAdd(instrument, created));
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentAggregate? _);
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.Start();

        // The runtime's instruments are static fields, made on first use: make them now, so
        // every metric of the runtime shows (at zero) from the first scrape.
        RuntimeHelpers.RunClassConstructor(typeof(ActorsInstruments).TypeHandle);
    }

    /// <summary>Every collected instrument's current values, in the Prometheus text format (version 0.0.4).</summary>
    public string Render()
    {
        // Observable instruments report when asked: now.
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var aggregate in _instruments.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            aggregate.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private bool Collects(Meter meter)
    {
        foreach (var prefix in _meterPrefixes)
        {
            if (meter.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
