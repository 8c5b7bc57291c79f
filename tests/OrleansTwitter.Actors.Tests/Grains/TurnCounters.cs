namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>
/// Interlocked counts of a probe grain's requests in flight and turns running at once, which
/// is exactly what the runtime's guarantees are about: a count above one is a violation that
/// no lock in the grain could hide. Shared by <see cref="TurnProbe"/> and <see cref="InlineProbe"/>.
/// </summary>
public sealed class TurnCounters
{
    private int _calls;
    private int _requestsInFlight;
    private int _maxRequestsInFlight;
    private int _turnsRunning;
    private int _maxTurnsAtOnce;
    private int _schedulerEscapes;

    public int Calls => Volatile.Read(ref _calls);

    public int MaxRequestsInFlight => Volatile.Read(ref _maxRequestsInFlight);

    public int MaxTurnsAtOnce => Volatile.Read(ref _maxTurnsAtOnce);

    public int SchedulerEscapes => Volatile.Read(ref _schedulerEscapes);

    public void RequestStarted()
    {
        Interlocked.Increment(ref _calls);
        RecordMax(ref _maxRequestsInFlight, Interlocked.Increment(ref _requestsInFlight));
    }

    /// <summary>The request's last turn: counted as a turn, it takes the request out of flight.</summary>
    public void RequestEnding()
    {
        BeginTurn();
        Interlocked.Decrement(ref _requestsInFlight);
        EndTurn();
    }

    /// <summary>
    /// Some work as a counted turn, then an await: an immediate yield and a real wait
    /// alternate, so requests stay in flight long enough for a reentrant grain to start others
    /// meanwhile. True when the await resumed on <paramref name="scheduler"/> (see <see cref="StayedOn"/>);
    /// the caller checks its own resumption too.
    /// </summary>
    public async Task<bool> TurnThenAwaitAsync(int index, int spin, TaskScheduler scheduler)
    {
        BeginTurn();
        Thread.SpinWait(spin);
        EndTurn();
        if (index % 2 == 0)
        {
            await Task.Yield();
        }
        else
        {
            await Task.Delay(1);
        }

        return StayedOn(scheduler);
    }

    /// <summary>True when grain code runs on <paramref name="scheduler"/>, an activation's; counts an escape when not.</summary>
    public bool StayedOn(TaskScheduler scheduler)
    {
        if (TaskScheduler.Current == scheduler && scheduler != TaskScheduler.Default)
        {
            return true;
        }

        Interlocked.Increment(ref _schedulerEscapes);
        return false;
    }

    private void BeginTurn() => RecordMax(ref _maxTurnsAtOnce, Interlocked.Increment(ref _turnsRunning));

    private void EndTurn() => Interlocked.Decrement(ref _turnsRunning);

    private static void RecordMax(ref int max, int value)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref max);
        }
        while (value > seen && Interlocked.CompareExchange(ref max, value, seen) != seen);
    }
}
