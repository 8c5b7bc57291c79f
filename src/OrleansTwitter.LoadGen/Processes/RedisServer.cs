using System.Diagnostics;
using System.Globalization;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// A throw-away redis-server on a free loopback port, with persistence off: the silos'
/// membership table (and the client's gateway list), and the reference that redis-benchmark measures.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private RedisServer(ChildProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    public string ConnectionString => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Executables.Require("redis-server", "redis-server"));
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = ChildProcess.Start("redis-server", start);
        try
        {
            await process.WaitForLineAsync("'Ready to accept connections'", line => line.Contains("Ready to accept connections", StringComparison.Ordinal), StartTimeout, cancellationToken);
            return new RedisServer(process, port);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
