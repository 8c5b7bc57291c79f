namespace OrleansTwitter.Actors.Core;

/// <summary>A timer owned by one activation. Disposing it stops it; deactivation disposes it too.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick happens and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>How a grain timer behaves.</summary>
public sealed class GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    /// <value>Zero.</value>
    public TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    /// <value><see cref="Timeout.InfiniteTimeSpan"/>.</value>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// When false (the default) a tick waits for the running request to finish and no request
    /// starts while it runs, exactly like a non-reentrant request. When true it interleaves.
    /// </summary>
    /// <value>false.</value>
    public bool Interleave { get; init; }

    /// <summary>When true, a tick counts as activity and keeps the activation from idle collection.</summary>
    /// <value>false.</value>
    public bool KeepAlive { get; init; }
}
