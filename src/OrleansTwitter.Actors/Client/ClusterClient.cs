using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Client;

/// <summary>
/// A client of a remote cluster. It connects to gateways (from the membership table or a static
/// list), spreads calls over them by grain, reconnects and moves away from gateways that leave.
/// It sends a call again by itself only when the cluster refused it before running it, so a
/// retry can never repeat a side effect; any other failure reaches the caller.
/// </summary>
public sealed class ClusterClient : IClusterClient, IGrainCallInvoker, IFrameResolver, IAsyncDisposable
{
    private const int MaxResends = 5;

    private readonly ClusterClientOptions _options;
    private readonly IMembershipTable? _table;
    private readonly ActorsManifest _manifest;
    private readonly PendingCallRegistry _calls;
    private readonly FrameConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, GatewayConnection> _gateways = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _routesGate = new();
    private volatile GatewayRoutes _routes = GatewayRoutes.Empty;
    private MembershipView? _view;
    private readonly CancellationTokenSource _stopping = new();
    private readonly GrainFactory _grainFactory;
    private readonly string _clientId = Guid.NewGuid().ToString("N");
    private Task _refreshLoop = Task.CompletedTask;
    private string _lastProblem = "no gateway tried yet";
    private int _disposed;
    private readonly TaskCompletionSource _manifestReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ClusterClient(ClusterClientOptions options, IMembershipTable? table, MessagingOptions messaging, IServiceProvider services, TimeProvider time, ILoggerFactory loggerFactory, IEnumerable<System.Reflection.Assembly> assemblies)
    {
        _options = options;
        _table = table;
        _time = time;
        _logger = loggerFactory.CreateLogger<ClusterClient>();
        ServiceProvider = services;
        _manifest = ActorsManifest.FromAssemblies(GrainAssemblyDiscovery.Discover(assemblies));
        _calls = new PendingCallRegistry(Microsoft.Extensions.Options.Options.Create(messaging), time) { RejectionHandler = OnRejected };
        _connector = new FrameConnector(options.ConnectTimeout, loggerFactory);
        _grainFactory = new GrainFactory(_manifest, this) { ObserverHome = ObserverHome };
        if (options.Gateways.Count == 0 && table is null)
        {
            throw new InvalidOperationException("A cluster client needs gateways: set Cluster:Gateways (host:port,...) or use a shared membership table (Cluster:Membership=Redis).");
        }

        _ = options.ParsedGateways();
    }

    public IServiceProvider ServiceProvider { get; }

    /// <summary>The gateways this client can send to now.</summary>
    public IReadOnlyList<string> ConnectedGateways => [.. _gateways.Values.Where(g => g.IsUsable).Select(g => g.Endpoint).Order(StringComparer.Ordinal)];

    /// <summary>Connects to the gateways; fails with the reason when none answers within the start timeout.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StartTimeout;
        while (true)
        {
            await RefreshGatewaysAsync(cancellationToken);
            if (!_gateways.IsEmpty)
            {
                break;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new SiloUnavailableException($"No gateway of the cluster answered within {_options.StartTimeout}: {_lastProblem}");
            }

            await Task.Delay(_options.GatewayRefreshPeriod, _time, cancellationToken);
        }

        // The first gateway's manifest says which grain type implements each interface, so grain
        // references work in a process that has the interfaces but not the grain classes.
        try
        {
            await _manifestReceived.Task.WaitAsync(_options.StartTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new SiloUnavailableException($"The gateways accepted the connection but sent no grain manifest within {_options.StartTimeout}.");
        }

        _refreshLoop = RefreshLoopAsync();
    }

    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = _calls.Create<T>();
        call.Message = new Message(target, request, call.RequestId, call.Deadline, null, call);
        Route(call);
        return call.Task;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => _grainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey => _grainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey => _grainFactory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain => _grainFactory.GetGrain<TGrainInterface>(grainId);

    /// <summary>
    /// An observer in this client, reachable through one gateway (the first by endpoint). If that
    /// gateway leaves, calls to the observer fail and grains drop it; make a new reference then.
    /// </summary>
    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver => _grainFactory.CreateObjectReference<TGrainObserverInterface>(observer);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver => _grainFactory.DeleteObjectReference<TGrainObserverInterface>(reference);

    GrainReference IFrameResolver.CreateReference(Type interfaceType, GrainId grain) => _grainFactory.CreateReference(interfaceType, grain);

    GrainRequest? IFrameResolver.CreateRequest(int interfaceId, int methodId) =>
        _manifest.TryGetMethod(interfaceId, methodId, out var method) ? method.CreateRequest() : null;

    GrainRequest? IFrameResolver.PendingRequest(long requestId) =>
        _calls.TryGet(requestId, out var call) ? call.Message?.Request : null;

    /// <summary>Closes the gateway connections and fails calls still waiting. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _refreshLoop;
        foreach (var gateway in _gateways.Values)
        {
            gateway.Connection.Close();
        }

        _calls.AbandonAll(call => new SiloUnavailableException($"The cluster client closed before request #{call.RequestId} completed."));
        _calls.Dispose();
        _connector.Dispose();
        _refreshGate.Dispose();
        _stopping.Dispose();
    }

    private (string Silo, string Client) ObserverHome()
    {
        var home = _gateways.Values.Where(g => g.IsUsable && g.Silo is not null).OrderBy(g => g.Endpoint, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new SiloUnavailableException($"No gateway is connected to reach an observer through: {_lastProblem}");
        return (home.Silo!.Value.ToString(), _clientId);
    }

    private void Route(PendingCall call)
    {
        var message = call.Message!;

        // A gateway that closed or said goodbye since the routes were built: build them again.
        var gateway = _routes.For(message.Target) ?? RebuildRoutes().For(message.Target);
        if (gateway is null)
        {
            call.Fail(new SiloUnavailableException($"No gateway is connected, so {message.Request} on {message.Target} cannot be sent: {_lastProblem}"));
            return;
        }

        EncodedFrame frame;
        try
        {
            frame = EncodedFrame.Encode(message, static (w, m) => MessageCodec.WriteRequest(w, m.RequestId, m.Target, m.Request, m.Deadline, 0, null));
        }
        catch (Exception exception) when (exception is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            call.Fail(new NotSupportedException($"Cannot send {message.Request} to {message.Target}: an argument cannot be serialized. {exception.Message}", exception));
            return;
        }

        call.Destination = gateway.Address;
        _ = SendAsync(gateway, frame, call);
    }

    /// <summary>
    /// Builds the routes from the gateways and view as they are now. Under a lock, so two
    /// rebuilds racing cannot leave the older one in place.
    /// </summary>
    private GatewayRoutes RebuildRoutes()
    {
        lock (_routesGate)
        {
            var routes = GatewayRoutes.Build(_gateways.Values, _view);
            _routes = routes;
            return routes;
        }
    }

    /// <summary>The gateway calls to <paramref name="target"/> go to now (tests check it is the owner's).</summary>
    internal string? GatewayFor(GrainId target) => _routes.For(target)?.Endpoint;

    private async Task SendAsync(GatewayConnection gateway, EncodedFrame frame, PendingCall call)
    {
        try
        {
            await gateway.Connection.SendAsync(frame);
        }
        catch (IOException exception)
        {
            frame.Release();
            call.Fail(new SiloUnavailableException($"Lost the connection to gateway {gateway.Endpoint}: {exception.Message}", exception));
        }
    }

    private void OnFrame(Connection connection, InboundFrame frame)
    {
        if (ResponseFrames.TryApply(_calls, frame))
        {
            return;
        }

        switch (frame.Kind)
        {
            case FrameKind.Request when Actors.Observers.ObserverId.Is(frame.Target):
                var sink = new RemoteResponseSink(connection, frame.Id, frame.Request, _logger);
                if (frame.Request is null)
                {
                    sink.Fail(new NotSupportedException(frame.ErrorMessage));
                }
                else
                {
                    _grainFactory.Observers.Invoke(Actors.Observers.ObserverId.Parse(frame.Target), new Message(frame.Target, frame.Request, frame.Id, frame.Deadline, frame.CallChain, sink));
                }

                break;
            case FrameKind.Manifest when frame.GrainTypes is { } grainTypes:
                _manifest.AddClusterGrainTypes(grainTypes);
                foreach (var gateway in _gateways.Values.Where(g => g.Connection == connection))
                {
                    gateway.Silo = frame.Silo;
                }

                RebuildRoutes();
                _manifestReceived.TrySetResult();
                break;
            case FrameKind.Goodbye:
                foreach (var gateway in _gateways.Values.Where(g => g.Connection == connection))
                {
                    gateway.IsDraining = true;
                }

                RebuildRoutes();
                break;
            default:
                break;
        }
    }

    private void OnRejected(PendingCall call, string reason)
    {
        if (++call.Resends > MaxResends)
        {
            call.Fail(new SiloUnavailableException($"{call.Message?.Request} on {call.Message?.Target} was refused {MaxResends} times; last reason: {reason}"));
            return;
        }

        _ = ResendAsync(call);
    }

    private async Task ResendAsync(PendingCall call)
    {
        await RefreshQuietlyAsync();
        Route(call);
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.GatewayRefreshPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await RefreshQuietlyAsync();
            }
        }
        catch (OperationCanceledException)
        {
            ClientLog.Stopped(_logger);
        }
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshGatewaysAsync(_stopping.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _lastProblem = exception.Message;
            ClientLog.RefreshFailed(_logger, exception);
        }
    }

    private async Task RefreshGatewaysAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var (wanted, leaving) = await CurrentGatewaysAsync(cancellationToken);
            foreach (var (endpoint, gateway) in _gateways)
            {
                // A working connection is kept even when the table does not list it (a table that
                // restarted empty lists nobody for a moment); only a closed connection, a goodbye,
                // or the table saying the silo is leaving or dead drops it.
                if (!gateway.IsUsable || leaving.Contains(endpoint))
                {
                    _gateways.TryRemove(endpoint, out _);
                }
            }

            RebuildRoutes();
            foreach (var endpoint in wanted.Where(e => !_gateways.ContainsKey(e)))
            {
                await ConnectQuietlyAsync(endpoint, cancellationToken);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<(HashSet<string> Wanted, HashSet<string> Leaving)> CurrentGatewaysAsync(CancellationToken cancellationToken)
    {
        if (_options.Gateways.Count > 0)
        {
            return ([.. _options.ParsedGateways().Select(g => $"{g.Host}:{g.Port}")], []);
        }

        var snapshot = await _table!.ReadAsync(cancellationToken);
        var view = new MembershipView(snapshot);
        _view = view;
        var leaving = snapshot.Entries
            .Where(e => e.GatewayPort > 0 && e.Status is SiloStatus.ShuttingDown or SiloStatus.Dead)
            .Select(e => $"{e.Silo.Host}:{e.GatewayPort}");
        return ([.. view.Gateways.Select(g => $"{g.Silo.Host}:{g.GatewayPort}")], [.. leaving]);
    }

    private async Task ConnectQuietlyAsync(string endpoint, CancellationToken cancellationToken)
    {
        var (host, port) = GatewayAddress(endpoint) is var address ? (address.Host, address.Port) : default;
        try
        {
            var context = await _connector.ConnectAsync(host, port, cancellationToken);
            var connection = new Connection(context.Transport, context.Abort, this, _logger, $"client connection to gateway {endpoint}");
            await connection.SendAsync(EncodedFrame.Encode(_clientId, static (w, id) => MessageCodec.WriteHello(w, null, id)));
            var gateway = new GatewayConnection(endpoint, GatewayAddress(endpoint), connection);
            _gateways[endpoint] = gateway;
            RebuildRoutes();
            _ = RunAsync(gateway);
            ClientLog.Connected(_logger, endpoint);
        }
        catch (SiloUnavailableException exception)
        {
            _lastProblem = exception.Message;
            ClientLog.ConnectFailed(_logger, endpoint, exception.Message);
        }
    }

    private async Task RunAsync(GatewayConnection gateway)
    {
        var endpoint = gateway.Endpoint;
        await gateway.Connection.RunAsync(OnFrame);
        _gateways.TryRemove(new KeyValuePair<string, GatewayConnection>(endpoint, gateway));
        RebuildRoutes();
        var gatewayAddress = gateway.Address;
        var failed = _calls.AbandonWhere(
            call => call.Destination == gatewayAddress,
            call => new SiloUnavailableException($"The connection to gateway {endpoint} was lost while {call.Message?.Request} on {call.Message?.Target} was in flight."));
        ClientLog.Disconnected(_logger, endpoint, failed);
    }

    // Gateways are tracked as pseudo silo addresses (generation 0) so pending calls can say where they went.
    private static SiloAddress GatewayAddress(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return new SiloAddress(endpoint[..colon], int.Parse(endpoint.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture), 0);
    }
}
