using System.Net;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Placement;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// A silo's cluster side: its listeners, its connections, routing, membership and failure
/// detection, and the order in which they start, leave gracefully, or die.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    // How often a leaving silo looks whether its calls in flight are answered.
    private static readonly TimeSpan DrainPollPeriod = TimeSpan.FromMilliseconds(10);

    private readonly SiloNetworkOptions _network;
    private readonly Catalog _catalog;
    private readonly PendingCallRegistry _calls;
    private readonly FrameConnector _connector;
    private readonly FrameListener _siloListener;
    private readonly FrameListener? _gatewayListener;
    private readonly FailureDetector _failureDetector;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _handOffWindow;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, TaskCompletionSource> _releases = new();
    private MembershipView _previousView = MembershipView.Empty;
    private MembershipView _currentView = MembershipView.Empty;
    private long _viewChangedAt;
    private long _lastReleaseId;

    public ClusterHost(
        SiloNetworkOptions network,
        ClusterMembershipOptions membershipOptions,
        IMembershipTable table,
        Catalog catalog,
        PendingCallRegistry calls,
        ActorsManifest manifest,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        TimeSpan deactivationTimeout,
        Action<string> fence)
    {
        _time = time;
        // Old owners deactivate moved grains within a refresh of the view change, plus at most
        // the deactivation timeout; after that nothing is left to hand off.
        _handOffWindow = deactivationTimeout + (2 * membershipOptions.TableRefreshPeriod);
        ReleaseTimeout = deactivationTimeout + TimeSpan.FromSeconds(1);
        _network = network;
        _catalog = catalog;
        _calls = calls;
        _logger = loggerFactory.CreateLogger<ClusterHost>();
        Self = new SiloAddress(network.Host, network.Port, SiloAddress.NewGeneration(time));
        Membership = new MembershipService(table, membershipOptions, Self, network.GatewayPort, time, _logger, fence);
        Router = new ClusterCallRouter(calls, catalog, Membership, _logger);
        _connector = new FrameConnector(membershipOptions.ConnectTimeout, loggerFactory);
        FailureDetector? detector = null;
        var inbound = new InboundFrameHandler(calls, catalog, Router, Membership, id => detector!.OnPong(id), OnReleased, deactivationTimeout, _logger);
        var grainTypes = manifest.InterfaceGrainTypes();
        Connections = new SiloConnections(
            Self, _connector, new FrameResolver(manifest, calls, this), inbound.OnFrame, OnConnectionClosed,
            () => EncodedFrame.Encode((grainTypes, Self), static (w, s) => MessageCodec.WriteManifest(w, s.grainTypes, s.Self)), _logger);
        Router.Attach(Connections);
        detector = _failureDetector = new FailureDetector(Membership, Connections, time, _logger);
        var address = IPAddress.Parse(network.Host);
        _siloListener = new FrameListener("silos", new IPEndPoint(address, network.Port), new FrameConnectionHandler(c => Connections.AcceptAsync(c, fromGateway: false)), services, loggerFactory);
        if (network.GatewayPort > 0)
        {
            _gatewayListener = new FrameListener("clients", new IPEndPoint(address, network.GatewayPort), new FrameConnectionHandler(c => Connections.AcceptAsync(c, fromGateway: true)), services, loggerFactory);
        }

        Membership.ViewChanged += OnViewChanged;
    }

    public SiloAddress Self { get; }

    public MembershipService Membership { get; }

    public ClusterCallRouter Router { get; }

    public SiloConnections Connections { get; }

    /// <summary>Makes proxies for references that arrive in messages; set by the silo once its grain factory exists.</summary>
    public Func<Type, GrainId, GrainReference>? ReferenceFactory { get; set; }

    private TimeSpan ReleaseTimeout { get; }

    /// <summary>
    /// Before this silo activates a grain that another silo owned in the previous view, that
    /// silo is asked to release it (deactivate, writing state) and this one waits: so a join
    /// or leave never leaves two activations of a grain, nor one that read stale state.
    /// </summary>
    public async Task HandOffAsync(GrainId grain)
    {
        var previous = Volatile.Read(ref _previousView);
        if (previous.ActiveSilos.Count == 0 || _time.GetElapsedTime(Volatile.Read(ref _viewChangedAt)) > _handOffWindow)
        {
            return;
        }

        var previousOwner = RendezvousPlacement.Owner(grain, previous);
        if (previousOwner is not { } owner || owner == Self || Membership.View.StatusOf(owner) is null or SiloStatus.Dead)
        {
            return;
        }

        var id = Interlocked.Increment(ref _lastReleaseId);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _releases[id] = released;
        try
        {
            var connection = await Connections.GetAsync(owner).WaitAsync(ReleaseTimeout, _time);
            await connection.SendAsync(EncodedFrame.Encode((id, grain), static (w, s) => MessageCodec.WriteReleaseGrain(w, s.id, s.grain)));
            await released.Task.WaitAsync(ReleaseTimeout, _time);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or IOException or TimeoutException)
        {
            // The previous owner is gone or silent: nothing live to hand off, or the ETag guards it.
            ClusterLog.HandOffSkipped(_logger, owner.ToString(), grain.ToString(), exception);
        }
        finally
        {
            _releases.TryRemove(id, out _);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _siloListener.StartAsync(cancellationToken);
        if (_gatewayListener is not null)
        {
            await _gatewayListener.StartAsync(cancellationToken);
        }

        await Membership.JoinAsync(cancellationToken);
        _failureDetector.Start();
    }

    /// <summary>
    /// Tells the cluster this silo is leaving (after its activations have written their state),
    /// then refuses what still arrives for a linger period, so callers re-route without error.
    /// </summary>
    public async Task AnnounceShutdownAsync(CancellationToken cancellationToken)
    {
        await Membership.WriteOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
        await SayGoodbyeAsync();
        _catalog.RefuseHeld($"{Self} is shutting down.");
    }

    /// <summary>The last step of a graceful stop: linger, let calls in flight finish, write Dead, close everything.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_network.ShutdownLinger, _time, cancellationToken);
        await DrainCallsAsync(cancellationToken);
        await _failureDetector.DisposeAsync();
        await Membership.WriteOwnStatusAsync(SiloStatus.Dead, cancellationToken);
        await Membership.DisposeAsync();
        await DisposeListenersAsync();
    }

    /// <summary>Dies as a crash would: connections dropped, nothing written, nobody told.</summary>
    public async Task KillAsync()
    {
        // Silenced before anything awaits: a killed process does not probe, vote, refresh or
        // reconnect, and the teardown below can take seconds on a loaded machine.
        _failureDetector.Halt();
        Membership.Halt();
        Connections.Kill();
        await DisposeListenersAsync();
        await _failureDetector.DisposeAsync();
        await Membership.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeListenersAsync();
        _connector.Dispose();
    }

    // A call this silo still waits for, its own or one it forwarded for a caller elsewhere,
    // fails as soon as its connections close, and the caller of a forwarded one cannot tell
    // whether it ran. So the silo leaves only once they are answered, or after the drain timeout.
    // A count that is polled keeps this off the call path, which a signal on the last removal
    // would not.
    private async Task DrainCallsAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (_calls.Count > 0)
        {
            if (_time.GetElapsedTime(started) >= _network.ShutdownDrainTimeout)
            {
                ClusterLog.DrainTimedOut(_logger, _calls.Count, _network.ShutdownDrainTimeout);
                return;
            }

            await Task.Delay(DrainPollPeriod, _time, cancellationToken);
        }
    }

    private async Task SayGoodbyeAsync()
    {
        foreach (var connection in Connections.Silos.Concat(Connections.Clients))
        {
            try
            {
                await connection.SendAsync(EncodedFrame.Encode(0L, static (w, id) => MessageCodec.WriteSignal(w, FrameKind.Goodbye, id)));
            }
            catch (IOException exception)
            {
                TransportLog.ConnectionFailed(_logger, exception, connection.Description);
            }
        }
    }

    private async Task DisposeListenersAsync()
    {
        await _siloListener.DisposeAsync();
        if (_gatewayListener is not null)
        {
            await _gatewayListener.DisposeAsync();
        }
    }

    private void OnConnectionClosed(Connection connection)
    {
        if (connection.RemoteSilo is { } silo && !Connections.IsConnected(silo))
        {
            // Calls in flight there may or may not have run: they fail now, not at their timeout.
            var failed = _calls.AbandonWhere(
                call => call.Destination == silo,
                call => new SiloUnavailableException($"The connection to {silo} was lost while {call.Message?.Request} on {call.Message?.Target} was in flight."));
            if (failed > 0)
            {
                ClusterLog.ConnectionLost(_logger, silo.ToString(), failed);
            }
        }
    }

    private bool OnReleased(long id) => _releases.TryRemove(id, out var waiter) && waiter.TrySetResult();

    private void OnViewChanged(MembershipView view)
    {
        Volatile.Write(ref _previousView, _currentView);
        Volatile.Write(ref _viewChangedAt, _time.GetTimestamp());
        _currentView = view;
        var moved = _catalog.DeactivateNotOwned(grain => RendezvousPlacement.Owner(grain, view) is not { } owner || owner == Self);
        if (moved > 0)
        {
            ClusterLog.Rebalancing(_logger, moved, view.Version);
        }
    }

    /// <summary>Request types by id (generated, plus the runtime's own stream delivery), and requests awaiting responses.</summary>
    private sealed class FrameResolver(ActorsManifest manifest, PendingCallRegistry calls, ClusterHost host) : IFrameResolver
    {
        public GrainReference CreateReference(Type interfaceType, GrainId grain) =>
            (host.ReferenceFactory ?? throw new InvalidOperationException("The silo is not started.")).Invoke(interfaceType, grain);

        public GrainRequest? CreateRequest(int interfaceId, int methodId) =>
            interfaceId == Streams.StreamDeliveryRequest.DeliveryInterfaceId && methodId == Streams.StreamDeliveryRequest.DeliveryMethodId
                ? new Streams.StreamDeliveryRequest()
                : manifest.TryGetMethod(interfaceId, methodId, out var method) ? method.CreateRequest() : null;

        public GrainRequest? PendingRequest(long requestId) =>
            calls.TryGet(requestId, out var call) ? call.Message?.Request : null;
    }
}
