using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Activation;

/// <summary>The per-silo services every activation shares.</summary>
internal sealed class ActivationEnvironment(
    IServiceProvider services,
    IGrainFactory grainFactory,
    TimeProvider timeProvider,
    GrainCollectionOptions collectionOptions,
    ILogger logger)
{
    public IServiceProvider Services { get; } = services;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public GrainCollectionOptions CollectionOptions { get; } = collectionOptions;

    public ILogger Logger { get; } = logger;
}
