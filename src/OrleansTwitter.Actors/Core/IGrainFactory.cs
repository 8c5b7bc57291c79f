namespace OrleansTwitter.Actors.Core;

/// <summary>Creates references to grains. A reference does not activate the grain; a call does.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference of interface <typeparamref name="TGrainInterface"/> to an existing identity.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;

    /// <summary>
    /// A reference that grains can call back, to <paramref name="observer"/> in this process. It
    /// works across the cluster (through this client's gateway) until
    /// <see cref="DeleteObjectReference{TGrainObserverInterface}"/>, or until this process stops.
    /// </summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Stops routing calls to an observer; calls made afterwards fail with an error that says so.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver;
}
