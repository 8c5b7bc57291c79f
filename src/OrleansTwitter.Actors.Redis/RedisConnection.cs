using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis;

/// <summary>
/// One lazily created <see cref="ConnectionMultiplexer"/> for one provider, and the rules every
/// command of that provider follows: it never hangs (each step is bounded by a timeout of our
/// own, because StackExchange.Redis 1.x does not time out asynchronous commands), and its
/// failures surface as <see cref="RedisProviderException"/> naming the endpoint.
/// </summary>
/// <remarks>
/// The multiplexer is created with <c>AbortOnConnectFail = false</c>, so an unreachable Redis at
/// start is not fatal and a restarted Redis is reconnected to in the background; in between,
/// commands fail fast instead of queueing.
/// </remarks>
internal sealed class RedisConnection : IDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly TimeSpan _connectBound;
    private readonly TimeSpan _operationTimeout;
    private readonly string _owner;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;
    private volatile bool _disposed;

    /// <param name="owner">Names the provider in logs and errors, e.g. "Redis membership table of cluster 'dev'".</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string; its abortConnect, connectTimeout and syncTimeout are overridden.</param>
    /// <param name="connectTimeout">How long one connection attempt may take.</param>
    /// <param name="operationTimeout">How long one command may take once connected.</param>
    /// <param name="logger">Where connection events go.</param>
    /// <exception cref="ArgumentException">The connection string does not parse or names no endpoint.</exception>
    public RedisConnection(string owner, string connectionString, TimeSpan connectTimeout, TimeSpan operationTimeout, ILogger logger)
    {
        _owner = owner;
        _logger = logger;
        _operationTimeout = operationTimeout;

        // The client's connect returns, connected or not, after ConnectTimeout; the margin covers
        // the handshake's follow-up commands, so only a truly stuck attempt hits our bound.
        _connectBound = connectTimeout + operationTimeout;

        _configuration = ConfigurationOptions.Parse(connectionString);
        _configuration.AbortOnConnectFail = false;
        _configuration.ConnectTimeout = ToMilliseconds(connectTimeout);
        _configuration.SyncTimeout = ToMilliseconds(operationTimeout);
        _configuration.SetDefaultPorts();
        if (_configuration.EndPoints.Count == 0)
        {
            throw new ArgumentException("The Redis connection string names no endpoint (expected host:port, e.g. localhost:6379).", nameof(connectionString));
        }

        Endpoints = string.Join(",", _configuration.EndPoints.Select(Describe));
    }

    /// <summary>The configured endpoints as <c>host:port</c>, comma-separated; never the password.</summary>
    public string Endpoints { get; }

    /// <summary>
    /// Runs <paramref name="command"/> against the database, connecting first if needed.
    /// <paramref name="operation"/> completes "could not ..." in error messages.
    /// </summary>
    /// <exception cref="RedisProviderException">Redis was unreachable, too slow, or rejected the command.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var multiplexer = await ConnectAsync(cancellationToken);
            var pending = command(multiplexer.GetDatabase());
            return await WithinAsync(
                pending, _operationTimeout, "Redis did not answer", " (a write may or may not have been applied)", cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisConnectionLog.OperationFailed(_logger, e, _owner, operation, Endpoints);
            throw new RedisProviderException($"{_owner} could not {operation} at {Endpoints}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Close(Interlocked.Exchange(ref _multiplexer, null));
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _multiplexer) is { } ready)
        {
            return ready;
        }

        if (!await _connectLock.WaitAsync(_connectBound, cancellationToken))
        {
            throw new TimeoutException($"another connection attempt did not finish within {Seconds(_connectBound)}");
        }

        try
        {
            if (Volatile.Read(ref _multiplexer) is { } connected)
            {
                return connected;
            }

            RedisConnectionLog.Connecting(_logger, _owner, Endpoints);
            var multiplexer = await WithinAsync(
                ConnectionMultiplexer.ConnectAsync(_configuration.Clone()), _connectBound, "could not connect", "", cancellationToken, disposeLateResult: true);
            multiplexer.ConnectionFailed += (_, e) =>
                RedisConnectionLog.ConnectionFailed(_logger, e.Exception, _owner, e.ConnectionType, e.EndPoint, e.FailureType);
            multiplexer.ConnectionRestored += (_, e) =>
                RedisConnectionLog.ConnectionRestored(_logger, _owner, e.ConnectionType, e.EndPoint);
            if (!multiplexer.IsConnected)
            {
                RedisConnectionLog.NotConnectedYet(_logger, _owner, Endpoints);
            }

            Volatile.Write(ref _multiplexer, multiplexer);

            // Dispose may have run while we connected and found nothing to close.
            if (_disposed)
            {
                Close(Interlocked.Exchange(ref _multiplexer, null));
                throw new ObjectDisposedException(GetType().FullName);
            }

            return multiplexer;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static async Task<T> WithinAsync<T>(
        Task<T> pending, TimeSpan timeout, string failure, string note, CancellationToken cancellationToken, bool disposeLateResult = false)
    {
        try
        {
            return await pending.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when ((e is TimeoutException or OperationCanceledException) && !pending.IsFaulted && !pending.IsCanceled)
        {
            // We stop waiting but the client does not stop working: observe its late failure so
            // it is not reported as an unobserved task exception, and close a late connection so
            // its sockets and reconnect loop do not leak.
            _ = pending.ContinueWith(
                static (task, dispose) =>
                {
                    if (task.IsCompletedSuccessfully && (bool)dispose! && task.Result is ConnectionMultiplexer late)
                    {
                        Close(late);
                    }

                    return task.Exception;
                },
                disposeLateResult,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            if (e is TimeoutException)
            {
                throw new TimeoutException($"{failure} within {Seconds(timeout)}{note}.", e);
            }

            throw;
        }
    }

    // The client's Dispose waits a full sync timeout for QUIT to be answered; our callers have
    // awaited every command they care about, so close without waiting for more.
    private static void Close(ConnectionMultiplexer? multiplexer)
    {
        if (multiplexer is not null)
        {
            multiplexer.Close(allowCommandsToComplete: false);
            multiplexer.Dispose();
        }
    }

    private static int ToMilliseconds(TimeSpan value) => (int)Math.Min(int.MaxValue, Math.Ceiling(value.TotalMilliseconds));

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Describe(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port.ToString(CultureInfo.InvariantCulture)}",
        IPEndPoint ip => ip.ToString(),
        _ => endpoint.ToString() ?? "?",
    };
}
