namespace OrleansTwitter.Actors.Core;

/// <summary>
/// The time as of the last <see cref="Refresh"/>, read without asking the
/// <see cref="System.TimeProvider"/>. A grain call needs the time for its deadline and for
/// the target's last activity, and each read of the provider costs about as much as the rest
/// of a local call (75–95 ns on a VM without a fast clock source). Deadlines and idle ages
/// are far coarser than the refresh period, so the periodic timeout scan refreshes the clock
/// and the call path only reads it. It lags the provider by at most
/// <see cref="Granularity"/> while that refresh keeps up; a test's fake provider still drives
/// it, through the scan's timer.
/// </summary>
internal sealed class CoarseClock
{
    private long _utcTicks;
    private long _timestamp;

    public CoarseClock(TimeProvider timeProvider, TimeSpan granularity)
    {
        TimeProvider = timeProvider;
        Granularity = granularity;
        _utcTicks = timeProvider.GetUtcNow().UtcTicks;
        _timestamp = timeProvider.GetTimestamp();
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>How far behind the provider the clock may be: the refresh period.</summary>
    public TimeSpan Granularity { get; }

    /// <summary>The provider's UTC time at the last refresh.</summary>
    public DateTimeOffset UtcNow => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>The provider's timestamp at the last refresh, for <see cref="TimeProvider.GetElapsedTime(long)"/>.</summary>
    public long Timestamp => Volatile.Read(ref _timestamp);

    /// <summary>Reads the provider and returns its UTC time. The clock never moves backwards.</summary>
    public DateTimeOffset Refresh()
    {
        var now = TimeProvider.GetUtcNow();
        AdvanceTo(ref _utcTicks, now.UtcTicks);
        AdvanceTo(ref _timestamp, TimeProvider.GetTimestamp());
        return now;
    }

    private static void AdvanceTo(ref long field, long value)
    {
        var seen = Volatile.Read(ref field);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref field, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
