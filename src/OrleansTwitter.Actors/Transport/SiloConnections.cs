using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// The connections of one silo: to other silos (one per pair: a connection either side
/// opened is used in both directions) and from clients through the gateway.
/// </summary>
internal sealed class SiloConnections(
    SiloAddress self,
    FrameConnector connector,
    IFrameResolver resolver,
    Action<Connection, InboundFrame> onFrame,
    Action<Connection> onClosed,
    Func<EncodedFrame> clientWelcome,
    ILogger logger)
{
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<Connection>>> _outbound = new();
    private readonly ConcurrentDictionary<SiloAddress, Connection> _inbound = new();
    private readonly ConcurrentDictionary<string, Connection> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Connection, byte> _all = new();

    // Taken to register a connection and to kill: a connection is either aborted by Kill or
    // refused at registration, never missed by both (a connection opened or accepted while a
    // killed silo tears down would otherwise outlive it and keep answering probes).
    private readonly Lock _registration = new();
    private bool _killed;

    public IEnumerable<Connection> Clients => _clients.Values;

    public IEnumerable<Connection> Silos => _all.Keys.Where(c => c.RemoteSilo is not null);

    /// <summary>A live connection to <paramref name="silo"/>, connecting if there is none.</summary>
    public async Task<Connection> GetAsync(SiloAddress silo)
    {
        ThrowIfKilled(silo);
        if (TryGetOpen(silo, out var open))
        {
            return open;
        }

        var pending = _outbound.GetOrAdd(silo, s => new Lazy<Task<Connection>>(() => ConnectAsync(s)));
        try
        {
            var connection = await pending.Value;
            if (!connection.IsClosed)
            {
                return connection;
            }
        }
        catch (SiloUnavailableException)
        {
            // Do not cache a failed attempt: the next call tries again.
            _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, pending));
            throw;
        }

        _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, pending));
        return await GetAsync(silo);
    }

    /// <summary>
    /// The open connection to <paramref name="silo"/> when there is one already, without
    /// connecting. Sends try this first: <see cref="GetAsync"/> allocates a task even when it
    /// finds the connection at once, and a silo sends a frame for every remote call it makes.
    /// </summary>
    public bool TryGetOpen(SiloAddress silo, [NotNullWhen(true)] out Connection? connection)
    {
        connection = null;
        if (Volatile.Read(ref _killed))
        {
            return false;
        }

        if (_inbound.TryGetValue(silo, out var inbound) && !inbound.IsClosed)
        {
            connection = inbound;
        }
        else if (_outbound.TryGetValue(silo, out var pending) && pending.IsValueCreated
            && pending.Value.IsCompletedSuccessfully && !pending.Value.Result.IsClosed)
        {
            connection = pending.Value.Result;
        }

        return connection is not null;
    }

    /// <summary>Serves a connection accepted on the silo or gateway port until it closes.</summary>
    public async Task AcceptAsync(ConnectionContext context, bool fromGateway)
    {
        var connection = new Connection(context.Transport, context.Abort, resolver, logger, $"{(fromGateway ? "gateway" : "silo")} connection {context.ConnectionId} from {context.RemoteEndPoint}");
        if (!TryRegister(connection))
        {
            return;
        }

        try
        {
            await connection.RunAsync((c, frame) =>
            {
                if (frame.Kind == FrameKind.Hello)
                {
                    Register(c, frame);
                }
                else
                {
                    onFrame(c, frame);
                }
            });
        }
        finally
        {
            Forget(connection);
        }
    }

    /// <summary>
    /// Drops every connection at once, with no goodbye, and refuses any later one, in or out
    /// (a crash, as far as peers can tell): a dead silo must not answer probes on a connection
    /// that its teardown happened to open.
    /// </summary>
    public void Kill()
    {
        List<Connection> open;
        lock (_registration)
        {
            _killed = true;
            open = [.. _all.Keys];
        }

        foreach (var connection in open)
        {
            connection.Close();
        }
    }

    private bool TryRegister(Connection connection)
    {
        lock (_registration)
        {
            if (!_killed)
            {
                _all[connection] = 0;
                return true;
            }
        }

        connection.Close();
        return false;
    }

    private void ThrowIfKilled(SiloAddress silo)
    {
        if (Volatile.Read(ref _killed))
        {
            throw Dead(silo);
        }
    }

    private SiloUnavailableException Dead(SiloAddress silo) => new($"{self} is dead: it does not connect to {silo}.");

    private async Task<Connection> ConnectAsync(SiloAddress silo)
    {
        var context = await connector.ConnectAsync(silo.Host, silo.Port, CancellationToken.None);
        var connection = new Connection(context.Transport, context.Abort, resolver, logger, $"connection to {silo}") { RemoteSilo = silo };
        if (!TryRegister(connection))
        {
            throw Dead(silo);
        }

        await connection.SendAsync(EncodedFrame.Encode(self, static (w, me) => MessageCodec.WriteHello(w, me, null)));
        TransportLog.Connected(logger, silo.ToString());
        _ = RunOutboundAsync(connection);
        return connection;
    }

    private async Task RunOutboundAsync(Connection connection)
    {
        try
        {
            await connection.RunAsync(onFrame);
        }
        finally
        {
            Forget(connection);
        }
    }

    private void Register(Connection connection, InboundFrame hello)
    {
        if (hello.Silo is { } silo)
        {
            connection.RemoteSilo = silo;
            _inbound[silo] = connection;
        }
        else if (hello.ClientId is { } client)
        {
            connection.RemoteClientId = client;
            _clients[client] = connection;
            _ = WelcomeAsync(connection);
        }
    }

    private async Task WelcomeAsync(Connection client)
    {
        try
        {
            await client.SendAsync(clientWelcome());
        }
        catch (IOException exception)
        {
            TransportLog.ConnectionFailed(logger, exception, client.Description);
        }
    }

    private void Forget(Connection connection)
    {
        _all.TryRemove(connection, out _);
        if (connection.RemoteSilo is { } silo)
        {
            _inbound.TryRemove(new KeyValuePair<SiloAddress, Connection>(silo, connection));
        }

        if (connection.RemoteClientId is { } client)
        {
            _clients.TryRemove(new KeyValuePair<string, Connection>(client, connection));
        }

        onClosed(connection);
    }

    /// <summary>The connection of the client <paramref name="clientId"/>, if it is connected to this gateway.</summary>
    public bool TryGetClient(string clientId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Connection? connection) =>
        _clients.TryGetValue(clientId, out connection) && !connection.IsClosed;

    /// <summary>True when some connection to <paramref name="silo"/> is still open.</summary>
    public bool IsConnected(SiloAddress silo) => _all.Keys.Any(c => c.RemoteSilo == silo && !c.IsClosed);
}
