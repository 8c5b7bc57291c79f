using System.Diagnostics.Metrics;
using OrleansTwitter.Actors.Diagnostics.Metrics;

namespace OrleansTwitter.Actors.Tests.Diagnostics;

/// <summary>
/// The Prometheus text the silo serves at <c>/metrics</c>: every line is checked exactly, on a
/// meter of each test's own so that the runtime's instruments (busy in parallel tests) stay out.
/// </summary>
public sealed class MetricsCollectorTests : IDisposable
{
    private readonly Meter _meter = new($"OrleansTwitter.Tests.Metrics.{Guid.NewGuid():N}");
    private readonly MetricsCollector _collector;

    public MetricsCollectorTests() => _collector = new MetricsCollector(_meter.Name);

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counters_render_as_totals_and_up_down_counters_as_gauges_with_unit_suffixes()
    {
        var calls = _meter.CreateCounter<long>("test.calls", "{call}", "Calls made.");
        var active = _meter.CreateUpDownCounter<long>("test.active", "{activation}", "Activations now.");
        var bytes = _meter.CreateCounter<double>("test.sent", "By", "Bytes \\ sent\nin all.");

        calls.Add(3);
        calls.Add(4);
        active.Add(5);
        active.Add(-2);
        bytes.Add(1.5);

        Assert.Equal(
            """
            # HELP test_active Activations now.
            # TYPE test_active gauge
            test_active 3
            # HELP test_calls_total Calls made.
            # TYPE test_calls_total counter
            test_calls_total 7
            # HELP test_sent_bytes_total Bytes \\ sent\nin all.
            # TYPE test_sent_bytes_total counter
            test_sent_bytes_total 1.5

            """.ReplaceLineEndings("\n"),
            _collector.Render());
    }

    [Fact]
    public void Histograms_render_cumulative_buckets_by_unit_with_sum_and_count()
    {
        var duration = _meter.CreateHistogram<double>("test.duration", "ms", "Call latency.");
        foreach (var value in new[] { 0.05, 0.3, 0.3, 7, 20_000 })
        {
            duration.Record(value);
        }

        var lines = _collector.Render().Split('\n');

        Assert.Equal("# TYPE test_duration_milliseconds histogram", lines[1]);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"0.1\"} 1", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"0.25\"} 1", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"0.5\"} 3", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"5\"} 3", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"10\"} 4", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"10000\"} 4", lines);
        Assert.Contains("test_duration_milliseconds_bucket{le=\"+Inf\"} 5", lines);
        Assert.Contains("test_duration_milliseconds_sum 20007.65", lines);
        Assert.Contains("test_duration_milliseconds_count 5", lines);
        Assert.Equal(HistogramBuckets.Milliseconds.Count + 1, lines.Count(l => l.StartsWith("test_duration_milliseconds_bucket", StringComparison.Ordinal)));
    }

    [Fact]
    public void Each_tag_combination_is_a_series_with_sorted_escaped_labels()
    {
        var attempts = _meter.CreateCounter<long>("test.attempts", "{attempt}", "Attempts.");

        attempts.Add(1, new KeyValuePair<string, object?>("outcome", "ok"), new KeyValuePair<string, object?>("kind", "read"));
        attempts.Add(2, new KeyValuePair<string, object?>("kind", "read"), new KeyValuePair<string, object?>("outcome", "ok"));
        attempts.Add(5, new KeyValuePair<string, object?>("outcome", "say \"no\""));

        var samples = _collector.Render().Split('\n').Where(l => l.StartsWith("test_attempts_total", StringComparison.Ordinal)).ToList();

        Assert.Equal(["test_attempts_total{kind=\"read\",outcome=\"ok\"} 3", "test_attempts_total{outcome=\"say \\\"no\\\"\"} 5"], samples);
    }

    [Fact]
    public void Past_the_series_bound_new_tag_values_add_up_in_one_overflow_series()
    {
        var requests = _meter.CreateCounter<long>("test.requests");
        for (var user = 0; user < MetricsCollector.MaxSeriesPerInstrument + 50; user++)
        {
            requests.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        var samples = _collector.Render().Split('\n').Where(l => l.StartsWith("test_requests_total{", StringComparison.Ordinal)).ToList();

        Assert.Equal(MetricsCollector.MaxSeriesPerInstrument + 1, samples.Count);
        Assert.Contains("test_requests_total{otel_metric_overflow=\"true\"} 50", samples);
    }

    [Fact]
    public void Observable_gauges_report_their_value_at_each_render()
    {
        var queued = 4;
        _meter.CreateObservableGauge("test.queued", () => queued, "{frame}", "Frames queued.");

        Assert.Contains("test_queued 4\n", _collector.Render(), StringComparison.Ordinal);
        queued = 9;
        Assert.Contains("test_queued 9\n", _collector.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_instrument_nobody_recorded_yet_renders_at_zero_and_other_meters_are_left_out()
    {
        _meter.CreateCounter<long>("test.idle", "{event}", "Never happens.");
        using var other = new Meter($"Other.{Guid.NewGuid():N}");
        other.CreateCounter<long>("other.calls").Add(1);

        var text = _collector.Render();

        Assert.Contains("test_idle_total 0\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("other_calls", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtimes_own_meter_renders_and_its_thread_pool_values_are_gauges_not_totals()
    {
        using var runtime = new MetricsCollector("System.Runtime");

        var text = runtime.Render();

        Assert.Contains("# TYPE dotnet_gc_collections_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total{gc_heap_generation=\"gen0\"} ", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_process_cpu_time_seconds_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_thread_pool_thread_count gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_thread_pool_queue_length gauge\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_thread_pool_thread_count_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("orleanstwitter_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurements_recorded_from_many_threads_at_once_all_count()
    {
        const int threads = 8;
        const int perThread = 20_000;
        var calls = _meter.CreateCounter<long>("test.parallel");
        var latency = _meter.CreateHistogram<double>("test.parallel.latency", "ms");
        using var start = new Barrier(threads);

        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                calls.Add(1);
                latency.Record(0.5);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(30));

        var lines = _collector.Render().Split('\n');
        Assert.Contains($"test_parallel_total {threads * perThread}", lines);
        Assert.Contains($"test_parallel_latency_milliseconds_count {threads * perThread}", lines);
        Assert.Contains($"test_parallel_latency_milliseconds_sum {threads * perThread * 0.5}", lines);
        Assert.Contains($"test_parallel_latency_milliseconds_bucket{{le=\"0.5\"}} {threads * perThread}", lines);
    }
}
