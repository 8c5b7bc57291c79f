namespace OrleansTwitter.Actors.Streams;

/// <summary>A typed observer behind an untyped face, so one registry can hold observers of every event type.</summary>
internal interface IStreamObserverAdapter
{
    Type ItemType { get; }

    Task OnNextAsync(object? item, StreamEventContext context);
}

internal sealed class StreamObserverAdapter<T>(IAsyncObserver<T> observer) : IStreamObserverAdapter
{
    public Type ItemType => typeof(T);

    public Task OnNextAsync(object? item, StreamEventContext context) =>
        item is T typed || (item is null && default(T) is null)
            ? observer.OnNextAsync((T)item!, context)
            : throw new InvalidCastException($"Stream {context.StreamId} carried a {item?.GetType().Name ?? "null"}, but its subscriber observes {typeof(T).Name}.");
}
