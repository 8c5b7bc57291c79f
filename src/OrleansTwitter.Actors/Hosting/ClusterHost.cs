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
    private readonly SiloNetworkOptions _network;
    private readonly Catalog _catalog;
    private readonly PendingCallRegistry _calls;
    private readonly FrameConnector _connector;
    private readonly FrameListener _siloListener;
    private readonly FrameListener? _gatewayListener;
    private readonly FailureDetector _failureDetector;
    private readonly ILogger _logger;

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
        Action<string> fence)
    {
        _network = network;
        _catalog = catalog;
        _calls = calls;
        _logger = loggerFactory.CreateLogger<ClusterHost>();
        Self = new SiloAddress(network.Host, network.Port, SiloAddress.NewGeneration(time));
        Membership = new MembershipService(table, membershipOptions, Self, network.GatewayPort, time, _logger, fence);
        Router = new ClusterCallRouter(calls, catalog, Membership, _logger);
        _connector = new FrameConnector(membershipOptions.ConnectTimeout, loggerFactory);
        FailureDetector? detector = null;
        var inbound = new InboundFrameHandler(calls, catalog, Router, Membership, id => detector!.OnPong(id), _logger);
        Connections = new SiloConnections(Self, _connector, new FrameResolver(manifest, calls), inbound.OnFrame, OnConnectionClosed, _logger);
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

    /// <summary>The last step of a graceful stop: linger, write Dead, close everything.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_network.ShutdownLinger, cancellationToken);
        await _failureDetector.DisposeAsync();
        await Membership.WriteOwnStatusAsync(SiloStatus.Dead, cancellationToken);
        await Membership.DisposeAsync();
        await DisposeListenersAsync();
    }

    /// <summary>Dies as a crash would: connections dropped, nothing written, nobody told.</summary>
    public async Task KillAsync()
    {
        Connections.AbortAll();
        await DisposeListenersAsync();
        await _failureDetector.DisposeAsync();
        await Membership.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeListenersAsync();
        _connector.Dispose();
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

    private void OnViewChanged(MembershipView view)
    {
        var moved = _catalog.DeactivateNotOwned(grain => RendezvousPlacement.Owner(grain, view) is not { } owner || owner == Self);
        if (moved > 0)
        {
            ClusterLog.Rebalancing(_logger, moved, view.Version);
        }
    }

    /// <summary>Request types by id (generated, plus the runtime's own stream delivery), and requests awaiting responses.</summary>
    private sealed class FrameResolver(ActorsManifest manifest, PendingCallRegistry calls) : IFrameResolver
    {
        public GrainRequest? CreateRequest(int interfaceId, int methodId) =>
            interfaceId == Streams.StreamDeliveryRequest.DeliveryInterfaceId && methodId == Streams.StreamDeliveryRequest.DeliveryMethodId
                ? new Streams.StreamDeliveryRequest()
                : manifest.TryGetMethod(interfaceId, methodId, out var method) ? method.CreateRequest() : null;

        public GrainRequest? PendingRequest(long requestId) =>
            calls.TryGet(requestId, out var call) ? call.Message?.Request : null;
    }
}
