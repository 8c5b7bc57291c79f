using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace OrleansTwitter.Actors.Diagnostics.Metrics;

/// <summary>One instrument's series, by tag combination, and how they render.</summary>
internal sealed class InstrumentAggregate
{
    private const string OverflowLabels = "otel_metric_overflow=\"true\"";

    private readonly InstrumentKind _kind;
    private readonly string? _help;
    private readonly IReadOnlyList<double> _bounds;
    private readonly MetricSeries _untagged;
    private readonly ConcurrentDictionary<string, MetricSeries> _tagged = new(StringComparer.Ordinal);
    private bool _untaggedRecorded;

    private InstrumentAggregate(Instrument instrument, InstrumentKind kind)
    {
        _kind = kind;
        _help = instrument.Description;
        Name = PrometheusText.MetricName(instrument, isCounter: kind is InstrumentKind.Counter or InstrumentKind.ObservedTotal);
        _bounds = kind == InstrumentKind.Histogram ? HistogramBuckets.For(instrument.Unit) : [];
        _untagged = NewSeries();
    }

    private enum InstrumentKind
    {
        Counter,
        UpDownCounter,
        Histogram,
        ObservedTotal,
        ObservedValue,
    }

    public string Name { get; }

    /// <summary>An aggregate for <paramref name="instrument"/>, or null for a kind this does not render.</summary>
    public static InstrumentAggregate? TryCreate(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var definition = instrument.GetType().GetGenericTypeDefinition();
        InstrumentKind? kind =
            definition == typeof(Counter<>) ? InstrumentKind.Counter
            : definition == typeof(UpDownCounter<>) ? InstrumentKind.UpDownCounter
            : definition == typeof(Histogram<>) ? InstrumentKind.Histogram
            : definition == typeof(ObservableCounter<>) && IsCurrentValueMisdeclaredAsTotal(instrument) ? InstrumentKind.ObservedValue
            : definition == typeof(ObservableCounter<>) ? InstrumentKind.ObservedTotal
            : definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>) ? InstrumentKind.ObservedValue
            : null;
        return kind is { } known ? new InstrumentAggregate(instrument, known) : null;
    }

    /// <summary>
    /// .NET 10's own meter declares two current values as observable counters (dotnet/runtime
    /// issues 112077 and 126167, fixed in a later release): rendered as totals, a scraper would
    /// read every fall in the thread count as a counter reset. They render as gauges, as the
    /// runtime's documentation describes them.
    /// </summary>
    private static bool IsCurrentValueMisdeclaredAsTotal(Instrument instrument) =>
        instrument.Meter.Name == "System.Runtime" && instrument.Name is "dotnet.thread_pool.thread.count" or "dotnet.thread_pool.queue.length";

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        MetricSeries series;
        if (tags.IsEmpty)
        {
            series = _untagged;

            // Written once: a write on every record would bounce the flag's cache line
            // between cores on each grain call.
            if (!_untaggedRecorded)
            {
                _untaggedRecorded = true;
            }
        }
        else
        {
            series = SeriesFor(PrometheusText.Labels(tags));
        }

        switch (_kind)
        {
            case InstrumentKind.Counter or InstrumentKind.UpDownCounter:
                series.Add(value);
                break;
            case InstrumentKind.Histogram:
                series.Observe(value, _bounds);
                break;
            default:
                // Observed instruments report their current total or value, not an increment.
                series.Set(value);
                break;
        }
    }

    public void WriteTo(StringBuilder text)
    {
        var type = _kind switch
        {
            InstrumentKind.Counter or InstrumentKind.ObservedTotal => "counter",
            InstrumentKind.Histogram => "histogram",
            _ => "gauge",
        };
        PrometheusText.AppendHelpAndType(text, Name, _help, type);

        // A metric nobody recorded yet still shows, at zero, so dashboards find it.
        if (_untaggedRecorded || _tagged.IsEmpty)
        {
            WriteSeries(text, string.Empty, _untagged);
        }

        foreach (var (labels, series) in _tagged.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            WriteSeries(text, labels, series);
        }
    }

    private MetricSeries SeriesFor(string labels)
    {
        if (_tagged.TryGetValue(labels, out var existing))
        {
            return existing;
        }

        // Racing recorders may pass the bound by a few series; it bounds memory, not exactly.
        return _tagged.Count < MetricsCollector.MaxSeriesPerInstrument
            ? _tagged.GetOrAdd(labels, _ => NewSeries())
            : _tagged.GetOrAdd(OverflowLabels, _ => NewSeries());
    }

    private MetricSeries NewSeries() => new(_bounds.Count + 1);

    private void WriteSeries(StringBuilder text, string labels, MetricSeries series)
    {
        if (_kind != InstrumentKind.Histogram)
        {
            PrometheusText.AppendSample(text, Name, labels, series.Value);
            return;
        }

        var cumulative = series.CumulativeBuckets();
        var separator = labels.Length > 0 ? "," : string.Empty;
        for (var i = 0; i < cumulative.Length; i++)
        {
            var bound = i < _bounds.Count ? PrometheusText.Number(_bounds[i]) : "+Inf";
            PrometheusText.AppendSample(text, Name + "_bucket", $"{labels}{separator}le=\"{bound}\"", cumulative[i]);
        }

        PrometheusText.AppendSample(text, Name + "_sum", labels, series.Value);
        PrometheusText.AppendSample(text, Name + "_count", labels, series.Count);
    }
}
