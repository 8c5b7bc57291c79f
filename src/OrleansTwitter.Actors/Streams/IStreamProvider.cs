namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// A named stream provider. Providers register as keyed singletons of this interface, keyed
/// by name; grains get one with <c>this.GetStreamProvider(name)</c>, clients through DI.
/// </summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
