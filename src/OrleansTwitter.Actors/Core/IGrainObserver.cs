namespace OrleansTwitter.Actors.Core;

/// <summary>
/// Marker for observer interfaces: objects outside grains (a web front end, a test) that grains
/// call back. Make a reference with <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>
/// and pass it to a grain; the grain calls its methods like any grain's. Observer methods run
/// on the thread pool of the process that created the reference, not as grain turns.
/// </summary>
public interface IGrainObserver : IAddressable;
