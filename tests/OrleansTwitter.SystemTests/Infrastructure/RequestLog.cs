using System.Diagnostics;
using System.Globalization;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Every request a scenario's load made: when it started (from the log's creation), how long it
/// took, and what went wrong if it failed. Scenarios assert on it and print its figures.
/// </summary>
internal sealed class RequestLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The wall-clock time the log's clock started, to match its times with the processes' log lines.</summary>
    public DateTime StartedAt { get; } = DateTime.Now;
    private readonly List<RequestRecord> _records = [];
    private readonly Lock _lock = new();

    /// <summary>Time since the log was created: the scale of every record and fault time.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<RequestRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records];
            }
        }
    }

    public IReadOnlyList<RequestRecord> Failures => [.. Records.Where(r => !r.Ok)];

    public void Add(RequestRecord record)
    {
        lock (_lock)
        {
            _records.Add(record);
        }
    }

    /// <summary>The 99th percentile of request durations (nearest rank), or zero with no requests.</summary>
    public TimeSpan P99
    {
        get
        {
            var durations = Records.Select(r => r.Duration).Order().ToArray();
            return durations.Length == 0 ? TimeSpan.Zero : durations[Math.Max(0, (int)Math.Ceiling(durations.Length * 0.99) - 1)];
        }
    }

    /// <summary>One line of figures: requests, failures, p99, and the failures' time span.</summary>
    public string Summary()
    {
        var records = Records;
        var failures = records.Where(r => !r.Ok).ToArray();
        var span = failures.Length == 0 ? "none" : $"{Seconds(failures.Min(f => f.Start))} to {Seconds(failures.Max(f => f.End))}";
        return string.Create(CultureInfo.InvariantCulture,
            $"requests {records.Count}, failures {failures.Length} (at {span}), p99 {P99.TotalMilliseconds:F0} ms, max {(records.Count == 0 ? 0 : records.Max(r => r.Duration).TotalMilliseconds):F0} ms");
    }

    /// <summary>The first <paramref name="count"/> failures, one per line, for an assertion message.</summary>
    public string DescribeFailures(int count = 20) =>
        string.Join(Environment.NewLine, Failures.Take(count).Select(f => $"{Seconds(f.Start)} +{f.Duration.TotalMilliseconds:F0} ms {f.Operation}: {f.Failure}"));

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F2} s");
}
