using System.ComponentModel;
using System.Globalization;
using OrleansTwitter.Testing.Processes;

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

    private ChildProcess? _server;
    private string? _binaries;
    private string? _root;

    public int Port { get; } = FreeTcpPort.Next();

    /// <summary>An Npgsql connection string to the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={UserName};Database=postgres";

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
        _server = Start("postgres", Path.Combine(_binaries, "postgres"), settings);
        await _server.WaitForOutputAsync(ReadyLine, s_startTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await using (server)
            {
                if (!server.HasExited)
                {
                    // A fast shutdown, so the server removes its shared memory and lock files.
                    await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], s_stopTimeout);
                }

                await server.WaitForExitAsync(s_stopTimeout);
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
    private static ChildProcess Start(string name, string program, IEnumerable<string> arguments)
    {
        try
        {
            return IsRoot
                ? ChildProcess.Start(name, "setpriv", [$"--reuid={RunAsUser}", $"--regid={RunAsUser}", "--init-groups", program, .. arguments], Path.GetTempPath())
                : ChildProcess.Start(name, program, arguments, Path.GetTempPath());
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run {program}: run ./test.sh, which installs PostgreSQL.", e);
        }
    }

    /// <summary>Runs a program to its end (as the server's user) and returns its standard output; fails with its output otherwise.</summary>
    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var process = Start(Path.GetFileName(program), program, arguments);
        var exitCode = await process.WaitForExitAsync(timeout);
        if (exitCode != 0)
        {
            var hint = IsRoot ? $" (as root, PostgreSQL runs as the '{RunAsUser}' user, which `apt-get install -y postgresql` creates; ./test.sh installs it)" : string.Empty;
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with code {exitCode}{hint}:{Environment.NewLine}{process.Output}");
        }

        return string.Join(Environment.NewLine, process.OutputLines);
    }
}
