using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Placement;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Routes calls in a cluster: to the local catalog when this silo owns the grain (no
/// serialization), otherwise to the owner over its connection. A call refused before it ran
/// is sent again after the view is refreshed; any other failure is the caller's to see.
/// A call to an idle local activation runs on the caller's thread (<see cref="InlineGrainCalls"/>).
/// </summary>
internal sealed class ClusterCallRouter : IGrainCallInvoker
{
    // Enough to ride out a membership change (the refused silo's view is at most a refresh old).
    private const int MaxResends = 5;

    private readonly PendingCallRegistry _calls;
    private readonly Catalog _catalog;
    private readonly MembershipService _membership;
    private readonly ILogger _logger;
    private readonly InlineGrainCalls _inline;
    private SiloConnections? _connections;

    public ClusterCallRouter(PendingCallRegistry calls, Catalog catalog, MembershipService membership, ILogger logger)
    {
        _calls = calls;
        _catalog = catalog;
        _membership = membership;
        _logger = logger;
        _inline = new InlineGrainCalls(calls, catalog);
        calls.RejectionHandler = OnRejected;
    }

    public SiloAddress Self => _membership.Self;

    /// <summary>The observers made in this silo; set once its grain factory exists.</summary>
    public Observers.ObserverRegistry? Observers { get; set; }

    public void Attach(SiloConnections connections) => _connections = connections;

    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var toObserver = Actors.Observers.ObserverId.Is(target);
        var owner = toObserver ? null : OwnerOf(target);
        if (!toObserver && owner == Self && _inline.TryInvoke<T>(target, request) is { } inline)
        {
            return inline;
        }

        var call = _calls.Create<T>();
        call.Message = new Message(target, request, call.RequestId, call.Deadline, RequestContext.OutgoingChain(), call);
        if (toObserver)
        {
            Route(call);
        }
        else
        {
            RouteToOwner(call, owner);
        }

        return call.Task;
    }

    /// <summary>The silo that owns <paramref name="grain"/> in the current view.</summary>
    public SiloAddress? OwnerOf(GrainId grain) => RendezvousPlacement.Owner(grain, _membership.View);

    /// <summary>Sends a call's message to the grain's owner, or runs it here when that is us.</summary>
    public void Route(PendingCall call)
    {
        var message = call.Message!;
        if (Actors.Observers.ObserverId.Is(message.Target))
        {
            RouteToObserver(call, Actors.Observers.ObserverId.Parse(message.Target));
            return;
        }

        RouteToOwner(call, OwnerOf(message.Target));
    }

    /// <summary>
    /// <see cref="Route"/> for a grain call whose owner the caller has just looked up
    /// (<see cref="OwnerOf"/>), so the rendezvous hash is not computed twice per call.
    /// </summary>
    public void RouteToOwner(PendingCall call, SiloAddress? owner)
    {
        var message = call.Message!;
        if (owner is null)
        {
            call.Fail(new SiloUnavailableException($"No active silo can run {message.Request} on {message.Target}: the cluster has no active members."));
            return;
        }

        if (owner == Self)
        {
            call.Destination = null;
            _catalog.Dispatch(message);
            return;
        }

        if (!TryEncode(call, out var frame))
        {
            return;
        }

        call.Destination = owner;
        _ = SendAsync(owner.Value, frame, call);
    }

    // An observer lives in one process: its own silo, or a client connected to that silo.
    private void RouteToObserver(PendingCall call, Actors.Observers.ObserverId observer)
    {
        var message = call.Message!;
        var home = observer.SiloAddress;
        if (home is null || (home == Self && observer.Client.Length == 0))
        {
            call.Destination = null;
            (Observers ?? throw new InvalidOperationException("Observers are not available in this silo.")).Invoke(observer, message);
            return;
        }

        if (!TryEncode(call, out var frame))
        {
            return;
        }

        if (home != Self)
        {
            call.Destination = home;
            _ = SendAsync(home.Value, frame, call);
            return;
        }

        if (_connections is null || !_connections.TryGetClient(observer.Client, out var client))
        {
            frame.Release();
            call.Fail(new SiloUnavailableException($"Observer {message.Target}: its client is no longer connected to {Self}."));
            return;
        }

        call.Destination = Self;
        _ = SendToClientAsync(client, frame, call);
    }

    private bool TryEncode(PendingCall call, out EncodedFrame frame)
    {
        var message = call.Message!;
        try
        {
            frame = EncodedFrame.Encode(message, static (w, m) => MessageCodec.WriteRequest(w, m.RequestId, m.Target, m.Request, m.Deadline, m.ForwardCount, m.CallChain));
            return true;
        }
        catch (Exception exception) when (exception is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            call.Fail(new NotSupportedException($"Cannot send {message.Request} to {message.Target}: an argument cannot be serialized. {exception.Message}", exception));
            frame = default;
            return false;
        }
    }

    private static async Task SendToClientAsync(Connection client, EncodedFrame frame, PendingCall call)
    {
        try
        {
            await client.SendAsync(frame);
        }
        catch (IOException exception)
        {
            frame.Release();
            call.Fail(new SiloUnavailableException($"The client of observer {call.Message?.Target} disconnected: {exception.Message}", exception));
        }
    }

    /// <summary>Sends one multicast frame for the keys <paramref name="owner"/> holds, and awaits its tally.</summary>
    public async Task<MulticastResult> MulticastToAsync(SiloAddress owner, string grainType, List<string> keys, GrainRequest request, bool activationOptional, DateTimeOffset deadline, CallChain? chain)
    {
        var call = _calls.Create<MulticastResult>();
        call.Destination = owner;
        EncodedFrame frame;
        try
        {
            frame = EncodedFrame.Encode(w => MessageCodec.WriteMulticast(w, call.RequestId, grainType, keys, activationOptional, request, deadline, chain));
        }
        catch (Exception exception) when (exception is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            _calls.Remove(call.RequestId);
            return new MulticastResult(0, 0, keys.Count, new NotSupportedException($"Cannot send {request}: an argument cannot be serialized. {exception.Message}", exception));
        }

        await SendAsync(owner, frame, call);
        try
        {
            return await call.Task;
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            return new MulticastResult(0, 0, keys.Count, exception);
        }
    }

    private async Task SendAsync(SiloAddress owner, EncodedFrame frame, PendingCall call)
    {
        try
        {
            var connections = _connections ?? throw new InvalidOperationException("The cluster transport is not started.");
            if (!connections.TryGetOpen(owner, out var connection))
            {
                connection = await connections.GetAsync(owner);
            }

            await connection.SendAsync(frame);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or IOException)
        {
            frame.Release();
            call.Fail(exception as SiloUnavailableException ?? new SiloUnavailableException($"Cannot send to {owner}: {exception.Message}", exception));
        }
    }

    private void OnRejected(PendingCall call, string reason)
    {
        if (call.PassesRejectionOn(reason))
        {
            _calls.Remove(call.RequestId);
            return;
        }

        if (call.Message is null)
        {
            call.Fail(new SiloUnavailableException($"Request #{call.RequestId} was refused: {reason}"));
            return;
        }

        if (++call.Resends > MaxResends)
        {
            call.Fail(new SiloUnavailableException($"{call.Message?.Request} on {call.Message?.Target} was refused {MaxResends} times; last reason: {reason}"));
            return;
        }

        _ = ResendAsync(call, reason);
    }

    private async Task ResendAsync(PendingCall call, string reason)
    {
        ClusterLog.Resending(_logger, call.Message?.ToString() ?? string.Empty, reason, call.Resends);
        try
        {
            await _membership.RefreshAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The table is unreachable: route with the view we have; the resend limit still bounds this.
            ClusterLog.RefreshFailed(_logger, exception);
        }

        Route(call);
    }
}
