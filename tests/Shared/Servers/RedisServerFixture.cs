using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, started as a child process (not
/// daemonized, so it is killed with the fixture) with persistence off, so a restart comes back
/// empty. <c>./test.sh</c> installs redis-server when it is missing.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_pingPause = TimeSpan.FromMilliseconds(50);

    private string _earlierOutput = string.Empty;
    private ChildProcess? _process;

    public int Port { get; } = FreeTcpPort.Next();

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Everything the server wrote, across restarts, for failure messages.</summary>
    public string Output => _earlierOutput + _process?.Output;

    public Task InitializeAsync() => StartAsync();

    public Task DisposeAsync() => StopAsync();

    /// <summary>Kills the server (SIGKILL, so nothing is saved) and starts an empty one on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>
    /// Makes the server hold every client's commands (CLIENT PAUSE ... ALL) for
    /// <paramref name="duration"/>, then run them: to the clients, a server that stopped answering.
    /// </summary>
    public async Task PauseClientsAsync(TimeSpan duration)
    {
        var milliseconds = ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var answer = await SendAsync($"CLIENT PAUSE {milliseconds} ALL");
        if (answer != "+OK")
        {
            throw new InvalidOperationException($"redis-server on port {Port} refused CLIENT PAUSE: {answer}");
        }
    }

    private async Task StartAsync()
    {
        try
        {
            _process = ChildProcess.Start($"redis-server on port {Port}", "redis-server",
                ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "redis-server is not installed or not on PATH: run ./test.sh, which installs it, or `apt-get install -y redis-server`.", e);
        }

        await _process.WaitUntilAsync("it answers PING", s_startTimeout, async () =>
        {
            var answer = await SendAsync("PING");
            return answer == "+PONG" ? null : answer;
        }, s_pingPause);
    }

    // One inline command on its own connection, so the fixture depends on nothing but a socket.
    private async Task<string> SendAsync(string command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>SIGKILL, so nothing is saved; its output stays for later messages.</summary>
    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        await process.DisposeAsync();
        _earlierOutput += process.Output + Environment.NewLine;
    }
}
