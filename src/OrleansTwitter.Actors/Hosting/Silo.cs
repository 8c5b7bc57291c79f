using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// One silo: the composition root of the runtime inside a process. It owns the catalog of
/// activations, the pending calls and the idle collector, and runs the shutdown sequence.
/// </summary>
public sealed class Silo : IDisposable
{
    private readonly ActivationCollector _collector;
    private readonly GrainCollectionOptions _collectionOptions;
    private readonly ILogger<Silo> _logger;
    private int _status = (int)SiloStatus.Created;

    internal Silo(
        IServiceProvider services,
        IOptions<MessagingOptions> messagingOptions,
        IOptions<GrainCollectionOptions> collectionOptions,
        TimeProvider timeProvider,
        ILogger<Silo> logger,
        IReadOnlyList<System.Reflection.Assembly> explicitAssemblies)
    {
        _logger = logger;
        _collectionOptions = collectionOptions.Value;
        Manifest = ActorsManifest.FromAssemblies(GrainAssemblyDiscovery.Discover(explicitAssemblies));
        PendingCalls = new PendingCallRegistry(messagingOptions, timeProvider);
        Catalog = new Catalog(Manifest);
        Invoker = new LocalGrainCallInvoker(PendingCalls, Catalog);
        var grainFactory = new GrainFactory(Manifest, Invoker);
        GrainFactory = grainFactory;
        Multicaster = new GrainMulticaster(grainFactory, Catalog, PendingCalls);
        var environment = new ActivationEnvironment(services, GrainFactory, timeProvider, _collectionOptions, logger);
        Catalog.Start(environment);
        _collector = new ActivationCollector(Catalog, environment);
    }

    public SiloStatus Status => (SiloStatus)Volatile.Read(ref _status);

    /// <summary>Grain references created here call this silo directly.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Calls one method on many grains with one message per silo.</summary>
    public IGrainMulticaster Multicaster { get; }

    /// <summary>The number of activations in memory.</summary>
    public int ActivationCount => Catalog.Count;

    internal ActorsManifest Manifest { get; }

    internal Catalog Catalog { get; }

    internal PendingCallRegistry PendingCalls { get; }

    internal IGrainCallInvoker Invoker { get; }

    /// <summary>Runs one idle-collection pass now, as the periodic collector would.</summary>
    internal int CollectIdleActivations() => _collector.CollectNow();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _collector.Start();
        Volatile.Write(ref _status, (int)SiloStatus.Active);
        SiloLog.Started(_logger, Manifest.GrainClasses.Count);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The graceful shutdown: no new activations, every activation deactivated with its
    /// changed state written, then calls still waiting are failed.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _status, (int)SiloStatus.ShuttingDown) is (int)SiloStatus.ShuttingDown or (int)SiloStatus.Dead)
        {
            return;
        }

        SiloLog.Stopping(_logger, Catalog.Count);
        _collector.Dispose();
        await Catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."),
            _collectionOptions.ShutdownDeactivationTimeout).WaitAsync(cancellationToken);
        PendingCalls.AbandonAll(call => new SiloUnavailableException($"The silo stopped before request #{call.RequestId} completed."));
        Volatile.Write(ref _status, (int)SiloStatus.Dead);
        SiloLog.Stopped(_logger);
    }

    public void Dispose()
    {
        _collector.Dispose();
        PendingCalls.Dispose();
    }
}
