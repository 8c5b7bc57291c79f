using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Activation;

/// <summary>The per-silo services every activation shares.</summary>
internal sealed class ActivationEnvironment(
    IServiceProvider services,
    IGrainFactory grainFactory,
    TimeProvider timeProvider,
    CoarseClock clock,
    GrainCollectionOptions collectionOptions,
    ILogger logger)
{
    public IServiceProvider Services { get; } = services;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The silo's clock as of its last timeout scan, for the per-call reads (expiry, activity).</summary>
    public CoarseClock Clock { get; } = clock;

    public GrainCollectionOptions CollectionOptions { get; } = collectionOptions;

    public ILogger Logger { get; } = logger;

    /// <summary>
    /// Runs before a grain is constructed; in a cluster it makes the grain's previous owner
    /// release it first. Null in a silo that is not networked.
    /// </summary>
    public Func<GrainId, Task>? BeforeActivation { get; set; }
}
