using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// A Kestrel server of its own per listening port, serving only connection handlers (no
/// HTTP). Its own server, not the host's, so several silos can live in one process.
/// </summary>
internal sealed class FrameListener : IAsyncDisposable
{
    /// <summary>
    /// Kestrel's <c>UnsafePreferInlineScheduling</c>, off. On, pipe continuations run on the
    /// thread that completed the socket operation or the flush instead of being queued again: a
    /// received frame is decoded on the thread that received it, and a flush sends on the
    /// flushing thread. That would be safe here (Kestrel calls it unsafe because application code
    /// then runs on transport threads, where blocking stalls I/O; a connection's read loop only
    /// decodes frames and hands them on, to an activation's queue, a call's completion, which
    /// runs its continuations asynchronously, or an async send, and never blocks; and on Linux
    /// the socket engine already runs completions on pool threads, not on its event thread). It
    /// is off because it measured worse: with senders writing on their own threads
    /// (<see cref="Connection"/>), every flush became its own socket send, so frames no longer
    /// shared segments under load (docs/benchmarks/cluster-calls.md has the figures). Kestrel's
    /// I/O queue is what now gathers the flushes of many senders into one send.
    /// </summary>
    internal const bool InlineScheduling = false;

    private readonly KestrelServer _server;

    public FrameListener(string purpose, IPEndPoint endpoint, FrameConnectionHandler handler, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        var options = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
        options.Listen(endpoint, listen => listen.Run(handler.OnConnectedAsync));
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true, UnsafePreferInlineScheduling = InlineScheduling }), loggerFactory);
        _server = new KestrelServer(Options.Create(options), transport, loggerFactory);
        Purpose = purpose;
        Endpoint = endpoint;
        Logger = loggerFactory.CreateLogger<FrameListener>();
    }

    public string Purpose { get; }

    public IPEndPoint Endpoint { get; }

    private ILogger Logger { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync(new NoHttpApplication(), cancellationToken);
        TransportLog.Listening(Logger, Purpose, Endpoint.ToString());
    }

    /// <summary>Stops accepting and closes open connections (abruptly when <paramref name="cancellationToken"/> is already cancelled).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await _server.StopAsync(now.Token);
        _server.Dispose();
    }

    /// <summary>Kestrel requires an HTTP application even when every endpoint is a connection handler.</summary>
    private sealed class NoHttpApplication : IHttpApplication<object>
    {
        public object CreateContext(IFeatureCollection contextFeatures) => new();

        public Task ProcessRequestAsync(object context) => Task.CompletedTask;

        public void DisposeContext(object context, Exception? exception)
        {
        }
    }
}
