namespace OrleansTwitter.Grains.Trends;

/// <summary>
/// The clock the trend window is judged by. A service of its own, so a test can give the window
/// a <c>FakeTimeProvider</c> while Orleans' timers, tweet ids and stream agents keep real time.
/// </summary>
internal sealed class SearchClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
