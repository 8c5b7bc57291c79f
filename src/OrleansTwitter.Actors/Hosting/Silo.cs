using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// One silo: the composition root of the runtime inside a process. It owns the catalog of
/// activations, the pending calls and the idle collector, and, when networked, its cluster
/// side; it runs the start, graceful-stop and kill sequences.
/// </summary>
public sealed class Silo : IAsyncDisposable, IDisposable
{
    private readonly ActivationCollector _collector;
    private readonly GrainCollectionOptions _collectionOptions;
    private readonly ILogger<Silo> _logger;
    private readonly ClusterHost? _cluster;
    private readonly IServiceProvider _services;
    private IReadOnlyList<ISiloLifecycleParticipant> _participants = [];
    private int _status = (int)SiloStatus.Created;

    internal Silo(SiloDependencies dependencies)
    {
        _logger = dependencies.LoggerFactory.CreateLogger<Silo>();
        _collectionOptions = dependencies.Collection;
        _services = dependencies.Services;
        Manifest = ActorsManifest.FromAssemblies(GrainAssemblyDiscovery.Discover(dependencies.ExplicitAssemblies));
        PendingCalls = new PendingCallRegistry(Microsoft.Extensions.Options.Options.Create(dependencies.Messaging), dependencies.Time);
        Catalog = new Catalog(Manifest);
        if (dependencies.Network.IsNetworked)
        {
            _cluster = new ClusterHost(
                dependencies.Network, dependencies.Membership, dependencies.MembershipTable, Catalog, PendingCalls, Manifest,
                dependencies.Services, dependencies.LoggerFactory, dependencies.Time, dependencies.Collection.DeactivationTimeout, reason => Fence(reason, dependencies.OnFenced));
            Invoker = _cluster.Router;
        }
        else
        {
            Invoker = new LocalGrainCallInvoker(PendingCalls, Catalog);
        }

        var grainFactory = new GrainFactory(Manifest, Invoker);
        GrainFactory = grainFactory;
        if (_cluster is not null)
        {
            var self = _cluster.Self.ToString();
            grainFactory.ObserverHome = () => (self, string.Empty);
            _cluster.ReferenceFactory = grainFactory.CreateReference;
            _cluster.Router.Observers = grainFactory.Observers;
        }
        else
        {
            ((LocalGrainCallInvoker)Invoker).Observers = grainFactory.Observers;
        }
        Multicaster = new GrainMulticaster(grainFactory, Catalog, PendingCalls, _cluster?.Router);
        var environment = new ActivationEnvironment(dependencies.Services, GrainFactory, dependencies.Time, PendingCalls.Clock, _collectionOptions, _logger)
        {
            BeforeActivation = _cluster is null ? null : _cluster.HandOffAsync,
        };
        Catalog.Start(environment);
        _collector = new ActivationCollector(Catalog, environment);
    }

    public SiloStatus Status => (SiloStatus)Volatile.Read(ref _status);

    /// <summary>Grain references created here route through this silo.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Calls one method on many grains with one message per silo.</summary>
    public IGrainMulticaster Multicaster { get; }

    /// <summary>The number of activations in memory.</summary>
    public int ActivationCount => Catalog.Count;

    /// <summary>This silo's address in the cluster; null when it is not networked.</summary>
    public SiloAddress? Address => _cluster?.Self;

    /// <summary>This silo's current view of the cluster; null when it is not networked.</summary>
    public MembershipView? MembershipView => _cluster?.Membership.View;

    internal ActorsManifest Manifest { get; }

    internal Catalog Catalog { get; }

    internal PendingCallRegistry PendingCalls { get; }

    internal IGrainCallInvoker Invoker { get; }

    internal ClusterHost? Cluster => _cluster;

    /// <summary>Raised, on the membership refresh loop, when this silo's view of the cluster changes; never for a silo that is not networked.</summary>
    internal event Action<MembershipView>? MembershipViewChanged
    {
        add
        {
            if (_cluster is not null)
            {
                _cluster.Membership.ViewChanged += value;
            }
        }

        remove
        {
            if (_cluster is not null)
            {
                _cluster.Membership.ViewChanged -= value;
            }
        }
    }

    /// <summary>True when an activation of <paramref name="grain"/> is in this silo's memory.</summary>
    public bool HasActivation(GrainId grain) => Catalog.TryGetActivation(grain, out _);

    /// <summary>Runs one idle-collection pass now, as the periodic collector would.</summary>
    internal int CollectIdleActivations() => _collector.CollectNow();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _status, (int)SiloStatus.Joining);
        if (_cluster is not null)
        {
            await _cluster.StartAsync(cancellationToken);
        }

        _collector.Start();
        Volatile.Write(ref _status, (int)SiloStatus.Active);

        // Resolved here, not in the constructor: participants may depend on the silo itself.
        _participants = [.. _services.GetServices<ISiloLifecycleParticipant>()];
        foreach (var participant in _participants)
        {
            await participant.OnSiloStartedAsync(this, cancellationToken);
        }

        SiloLog.Started(_logger, Manifest.GrainClasses.Count);
    }

    /// <summary>
    /// The graceful shutdown. Activations deactivate first, writing their state, while requests
    /// that would need a new activation here wait; then the silo announces it is leaving and
    /// refuses those requests, so callers re-route to new owners that read the written state.
    /// Then it lingers refusing stragglers, marks itself Dead, and fails calls still waiting.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _status, (int)SiloStatus.ShuttingDown) is (int)SiloStatus.ShuttingDown or (int)SiloStatus.Dead)
        {
            return;
        }

        SiloLog.Stopping(_logger, Catalog.Count);
        foreach (var participant in _participants)
        {
            await participant.OnSiloStoppingAsync(cancellationToken);
        }

        _collector.Dispose();
        await Catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."),
            _collectionOptions.ShutdownDeactivationTimeout).WaitAsync(cancellationToken);
        if (_cluster is not null)
        {
            await _cluster.AnnounceShutdownAsync(cancellationToken);
            await _cluster.LeaveAsync(cancellationToken);
        }
        else
        {
            Catalog.RefuseHeld("The silo is shutting down.");
        }

        PendingCalls.AbandonAll(call => new SiloUnavailableException($"The silo stopped before request #{call.RequestId} completed."));
        Volatile.Write(ref _status, (int)SiloStatus.Dead);
        SiloLog.Stopped(_logger);
    }

    /// <summary>Dies like a killed process: connections dropped, no state written, nobody told.</summary>
    internal async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _status, (int)SiloStatus.Dead) == (int)SiloStatus.Dead)
        {
            return;
        }

        foreach (var participant in _participants)
        {
            participant.OnSiloKilled();
        }

        _collector.Dispose();
        if (_cluster is not null)
        {
            await _cluster.KillAsync();
        }

        Catalog.Abandon();
        PendingCalls.AbandonAll(call => new SiloUnavailableException($"The silo died before request #{call.RequestId} completed."));
    }

    public async ValueTask DisposeAsync()
    {
        _collector.Dispose();
        PendingCalls.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>For containers that dispose synchronously; nothing here waits on a synchronization context.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Fence(string reason, Action? onFenced)
    {
        SiloLog.Fenced(_logger, reason);
        _ = KillAsync();
        onFenced?.Invoke();
    }
}
