namespace OrleansTwitter.Actors.Streams;

/// <summary>Consumes stream events. Grain observers run as turns of their grain.</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamEventContext context);

    Task OnErrorAsync(Exception exception);
}

/// <summary>Where an event came from and its unique id, which consumers use to drop redeliveries.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="EventId">Unique per published event; the same on every redelivery of it.</param>
public sealed record StreamEventContext(StreamId StreamId, string EventId);
