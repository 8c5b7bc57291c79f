namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// A stream provider whose <see cref="IAsyncStream{T}.OnNextAsync"/> completes once the event is
/// durably queued, and which then delivers it at least once, even if the producing silo dies.
/// A producer that must not acknowledge an event it could lose checks for this, and lets a
/// failed publish fail its own operation instead of logging it.
/// </summary>
public interface IDurableStreamProvider : IStreamProvider;
