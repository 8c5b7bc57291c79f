using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// Opens outbound connections. A connected socket is wrapped by Kestrel's socket connection
/// context factory, so outbound and inbound connections have the same pipes and behaviour.
/// </summary>
internal sealed class FrameConnector : IDisposable
{
    private readonly SocketConnectionContextFactory _contexts;
    private readonly TimeSpan _connectTimeout;

    public FrameConnector(TimeSpan connectTimeout, ILoggerFactory loggerFactory)
    {
        _connectTimeout = connectTimeout;
        _contexts = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions { UnsafePreferInlineScheduling = FrameListener.InlineScheduling }, loggerFactory.CreateLogger<FrameConnector>());
    }

    /// <summary>Connects, or fails with <see cref="SiloUnavailableException"/> naming the endpoint within the connect timeout.</summary>
    public async Task<ConnectionContext> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            var address = IPAddress.TryParse(host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(host, timeout.Token))[0];
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
            return _contexts.Create(socket);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            var why = exception is OperationCanceledException ? $"no answer within {_connectTimeout}" : exception.Message;
            throw new SiloUnavailableException($"Cannot connect to {host}:{port}: {why}.", exception);
        }
    }

    public void Dispose() => _contexts.Dispose();
}
