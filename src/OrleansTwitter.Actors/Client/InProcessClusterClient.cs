using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Client;

/// <summary>The cluster client of a process that hosts a silo: it calls that silo directly.</summary>
internal sealed class InProcessClusterClient(Silo silo, IServiceProvider serviceProvider) : IClusterClient
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => silo.GrainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey => silo.GrainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey => silo.GrainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain => silo.GrainFactory.GetGrain<TGrainInterface>(grainId);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver => silo.GrainFactory.CreateObjectReference<TGrainObserverInterface>(observer);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver => silo.GrainFactory.DeleteObjectReference<TGrainObserverInterface>(reference);
}
