using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// A real PostgreSQL server of its own: a private cluster made with <c>initdb</c> in a
/// temporary folder and run as a child process (not daemonized, so it goes with the fixture)
/// on a free loopback port, TCP only, trust authentication for the superuser
/// <see cref="UserName"/>, durability off (the data is thrown away). PostgreSQL refuses to run
/// as root, so as root its programs run as the <c>postgres</c> user that Debian's package
/// creates, through <c>setpriv</c>. <c>./test.sh</c> installs PostgreSQL when it is missing.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    /// <summary>The cluster's superuser, with trust authentication on loopback.</summary>
    public const string UserName = "bench";

    /// <summary>The non-root user that runs PostgreSQL when the tests run as root.</summary>
    private const string RunAsUser = "postgres";

    private const string ReadyLine = "database system is ready to accept connections";

    private static readonly TimeSpan s_initTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _server;
    private string? _binaries;
    private string? _root;

    public int Port { get; } = FreeTcpPort.Next();

    /// <summary>An Npgsql connection string to the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={UserName};Database=postgres";

    /// <summary>Everything initdb and the server wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): run ./test.sh, which installs it, or `apt-get install -y postgresql`.");

        // The folder is made by the user who runs the server, so that it owns it.
        _root = (await RunAsync("mktemp", ["-d", Path.Combine(Path.GetTempPath(), "ot-postgres-XXXXXX")], s_initTimeout)).Trim();
        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", DataDirectory, "-U", UserName, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], s_initTimeout);

        string[] settings =
        [
            "-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",

            // No Unix socket: its default folder (/var/run/postgresql) may not exist or be writable.
            "-c", "unix_socket_directories=",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ];
        var server = new Process { StartInfo = StartInfo(Path.Combine(_binaries, "postgres"), settings) };
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;

        var first = await Task.WhenAny(_ready.Task, server.WaitForExitAsync(), Task.Delay(s_startTimeout));
        if (first != _ready.Task)
        {
            var why = server.HasExited ? $"exited with code {server.ExitCode}" : $"did not report being ready within {s_startTimeout}";
            throw new InvalidOperationException($"PostgreSQL on port {Port} {why}. Output:{Environment.NewLine}{Output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            using (server)
            {
                if (!server.HasExited)
                {
                    // A fast shutdown, so the server removes its shared memory and lock files.
                    await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], s_stopTimeout);
                }

                using var timeout = new CancellationTokenSource(s_stopTimeout);
                try
                {
                    await server.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException e)
                {
                    server.Kill(entireProcessTree: true);
                    throw new TimeoutException($"PostgreSQL (pid {server.Id}) on port {Port} did not exit within {s_stopTimeout} of pg_ctl stop; it was killed.", e);
                }
            }
        }

        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string DataDirectory => Path.Combine(_root!, "data");

    private static bool IsRoot => Environment.UserName == "root";

    // Debian keeps the server programs out of PATH, under /usr/lib/postgresql/<version>/bin.
    private static string? FindBinaries()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(folder, "initdb");
            if (File.Exists(initdb))
            {
                // Follow a link to the folder that also holds postgres and pg_ctl.
                return Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb);
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => File.Exists(Path.Combine(c.Folder, "initdb")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Folder)
                .FirstOrDefault()
            : null;
    }

    // As root, the program runs as RunAsUser; from /tmp, since that user may not enter the test's folder.
    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(IsRoot ? "setpriv" : program)
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (IsRoot)
        {
            foreach (var argument in new[] { $"--reuid={RunAsUser}", $"--regid={RunAsUser}", "--init-groups", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs a program to its end (as the server's user) and returns its standard output; fails with its output otherwise.</summary>
    private async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(program, arguments) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run {process.StartInfo.FileName} ({program}): run ./test.sh, which installs PostgreSQL.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}.", e);
        }

        var output = await stdout;
        var errors = await stderr;
        _output.Enqueue($"{Path.GetFileName(program)}: {output}{errors}");
        if (process.ExitCode != 0)
        {
            var hint = IsRoot ? $" (as root, PostgreSQL runs as the '{RunAsUser}' user, which `apt-get install -y postgresql` creates; ./test.sh installs it)" : string.Empty;
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with code {process.ExitCode}{hint}:{Environment.NewLine}{output}{errors}");
        }

        return output;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
