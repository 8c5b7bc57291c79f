using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, started as a child process (not
/// daemonized, so it is killed with the fixture) with persistence off, so a restart comes back
/// empty. <c>./test.sh</c> installs redis-server when it is missing.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pingPause = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public int Port { get; } = FreeTcpPort.Next();

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Everything the server wrote, across restarts, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

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
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "redis-server is not installed or not on PATH: run ./test.sh, which installs it, or `apt-get install -y redis-server`.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitForPongAsync(process);
    }

    private async Task WaitForPongAsync(Process process)
    {
        var deadline = DateTime.UtcNow + s_startTimeout;
        var lastError = "no attempt yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {Port} exited with code {process.ExitCode} before answering PING. Output:{Environment.NewLine}{Output}");
            }

            var answer = await SendAsync("PING");
            if (answer == "+PONG")
            {
                return;
            }

            lastError = answer;
            await Task.Delay(s_pingPause);
        }

        throw new TimeoutException(
            $"redis-server on port {Port} did not answer PING within {s_startTimeout} (last: {lastError}). Output:{Environment.NewLine}{Output}");
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

    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(s_stopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new TimeoutException($"redis-server (pid {process.Id}) on port {Port} did not exit within {s_stopTimeout} of SIGKILL.", e);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
