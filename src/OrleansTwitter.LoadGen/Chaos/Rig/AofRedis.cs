using System.Globalization;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Chaos.Rig;

/// <summary>
/// redis-server as production runs it for Orleans' membership table: append-only persistence
/// (<c>--appendonly yes</c>, fsync every second, Redis' default) in a folder of its own, so a
/// restart on the same port comes back with the table the silos wrote.
/// </summary>
internal sealed class AofRedis : IAsyncDisposable
{
    private const string ReadyLine = "Ready to accept connections";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder;
    private readonly string? _logFolder;
    private ChildProcess _process;

    private AofRedis(string folder, int port, string? logFolder, ChildProcess process)
    {
        _folder = folder;
        Port = port;
        _logFolder = logFolder;
        _process = process;
    }

    public int Port { get; }

    /// <summary>The operator contract's <c>Redis:ConnectionString</c> for this server.</summary>
    public string ConnectionString => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<AofRedis> StartAsync(string folder, string? logFolder)
    {
        Directory.CreateDirectory(folder);
        var port = FreeTcpPort.Next();
        return new AofRedis(folder, port, logFolder, await LaunchAsync(folder, port, logFolder));
    }

    /// <summary>SIGTERM, as an operator's restart or a pod's deletion sends: Redis writes its append-only file and exits 0.</summary>
    public async Task StopAsync()
    {
        _process.Terminate();
        var exitCode = await _process.WaitForExitAsync(StopTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"redis-server exited with code {exitCode} on SIGTERM. {_process.Tail(20)}");
        }
    }

    /// <summary>Starts it again on the same port and folder; returns once it loaded its data and accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(_folder, Port, _logFolder);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>SIGKILL, for the program's exit when it could not dispose.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    private static async Task<ChildProcess> LaunchAsync(string folder, int port, string? logFolder)
    {
        var process = ChildProcess.Start("redis-server", LoadGen.Processes.Executables.Require("redis-server", "redis-server"),
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--daemonize", "no",
            "--dir", folder, "--appendonly", "yes", "--appendfsync", "everysec", "--save", string.Empty,
        ], logFolder: logFolder);
        try
        {
            await process.WaitForOutputAsync(ReadyLine, StartTimeout);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return process;
    }
}
