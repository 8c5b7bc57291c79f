using System.Diagnostics;

namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>Every request a scenario's load made, on one clock that the scenario's events share.</summary>
internal sealed class RequestTally
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<RequestOutcome> _outcomes = [];
    private readonly Lock _lock = new();
    private int _failures;

    /// <summary>Time since the tally was created: the scale of every request and event.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _outcomes.Count;
            }
        }
    }

    public int Failures => Volatile.Read(ref _failures);

    public IReadOnlyList<RequestOutcome> Outcomes
    {
        get
        {
            lock (_lock)
            {
                return [.. _outcomes];
            }
        }
    }

    public void Add(RequestOutcome outcome)
    {
        lock (_lock)
        {
            _outcomes.Add(outcome);
        }

        if (!outcome.Ok)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    /// <summary>The 99th percentile of the durations (nearest rank), or zero with no requests.</summary>
    public static TimeSpan P99(IReadOnlyList<RequestOutcome> outcomes)
    {
        var durations = outcomes.Select(r => r.Duration).Order().ToArray();
        return durations.Length == 0 ? TimeSpan.Zero : durations[Math.Max(0, (int)Math.Ceiling(durations.Length * 0.99) - 1)];
    }
}
