using System.Diagnostics;

namespace OrleansTwitter.LoadGen.Mix;

/// <summary>
/// The state a run's callers share: warming up, measuring, or stopping; the next tweet id; and
/// the errors. An operation counts when it completes while the window is open.
/// </summary>
internal sealed class MixWindow(long firstTweetId)
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;

    private long _nextTweetId = firstTweetId - 1;
    private int _phase = WarmingUp;
    private long _errors;
    private string? _firstError;

    public bool IsMeasuring => Volatile.Read(ref _phase) == Measuring;

    public bool IsStopping => Volatile.Read(ref _phase) == Stopping;

    public long OpenedAt { get; private set; }

    public long ClosedAt { get; private set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(OpenedAt, ClosedAt);

    /// <summary>Errors of the whole run, warm-up included: an error is one whenever it happens.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => Volatile.Read(ref _firstError);

    public long NextTweetId() => Interlocked.Increment(ref _nextTweetId);

    public void Open()
    {
        OpenedAt = Stopwatch.GetTimestamp();
        Volatile.Write(ref _phase, Measuring);
    }

    /// <summary>Ends the window; closing it again (on the way out of a failed run) changes nothing.</summary>
    public void Close()
    {
        var now = Stopwatch.GetTimestamp();
        if (Interlocked.Exchange(ref _phase, Stopping) != Stopping)
        {
            ClosedAt = now;
        }
    }

    public void Fail(string what)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, what, null);
    }
}
