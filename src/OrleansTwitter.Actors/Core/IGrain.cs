namespace OrleansTwitter.Actors.Core;

/// <summary>Marker for anything that has a grain identity: grains and grain references.</summary>
public interface IAddressable;

/// <summary>
/// Marker for grain interfaces. The source generator emits a proxy and an invoker for every
/// interface that derives from it.
/// </summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key (case-sensitive).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain identified by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain identified by a Guid key.</summary>
public interface IGrainWithGuidKey : IGrain;
