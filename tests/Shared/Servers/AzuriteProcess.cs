using System.Net;
using System.Net.Sockets;
using System.Reflection;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// Azurite, the Azure Storage emulator, run as a real process on free loopback ports from the
/// copy that <c>test.sh</c> installs in <c>tools/azurite</c> (never a global install). Its state
/// is in memory, or on disk under a folder when it must survive a restart. Its blob service
/// holds grain state (<c>AzureBlob</c>) and its queue service the durable fan-out
/// (<c>AzureQueue</c> streams). Compiled into each test project that needs it, which records
/// where the executable is in its assembly metadata.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account and key (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The assembly metadata key under which a project records where the executable is.</summary>
    public const string ExecutableMetadataKey = "AzuriteExecutable";

    /// <summary>Azurite prints this once the last of its services listens, so the blob service is up too.</summary>
    private const string ReadyLine = "Azurite Table service is successfully listening";

    /// <summary>Port races (another process takes a free port before Azurite binds it) are retried this often.</summary>
    private const int MaxStartAttempts = 3;

    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly string? _ownedDirectory;

    private AzuriteProcess(ChildProcess process, int blobPort, int queuePort, string? location, string? ownedDirectory)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        Location = location;
        _ownedDirectory = ownedDirectory;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    /// <summary>The folder Azurite persists to, or null when it keeps everything in memory.</summary>
    public string? Location { get; }

    public string BlobEndpoint => $"http://127.0.0.1:{BlobPort}/{AccountName}";

    /// <summary>A connection string for the blob and queue services (the operator contract's <c>Storage:ConnectionString</c>).</summary>
    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort);

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public static string ConnectionStringFor(int blobPort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};";

    /// <summary>The executable recorded in <paramref name="assembly"/>'s metadata by its project file.</summary>
    public static string ExecutableFor(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == ExecutableMetadataKey).Value!;

    /// <summary>
    /// Starts Azurite and returns once its blob service accepts connections.
    /// </summary>
    /// <param name="executable">The <c>azurite</c> script in <c>tools/azurite/node_modules/.bin</c>.</param>
    /// <param name="location">A folder to persist to (it survives a restart); in memory when null.</param>
    /// <param name="blobPort">A fixed blob port, to restart on the address clients already use; a free one when null.</param>
    /// <param name="queuePort">A fixed queue port, likewise.</param>
    /// <param name="startTimeout">How long to wait for Azurite to listen; 60 s when null.</param>
    public static async Task<AzuriteProcess> StartAsync(string executable, string? location = null, int? blobPort = null, int? queuePort = null, TimeSpan? startTimeout = null)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"Azurite is not installed at {executable}. Run ./test.sh, or `npm ci --prefix tools/azurite`, from the repository root.", executable);
        }

        for (var attempt = 1; ; attempt++)
        {
            var started = await TryStartAsync(executable, location, blobPort ?? FreeTcpPort.Next(), queuePort ?? FreeTcpPort.Next(), startTimeout ?? DefaultStartTimeout);
            if (started.Azurite is not null)
            {
                return started.Azurite;
            }

            // Only a port this fixture picked can be picked again.
            if (attempt >= MaxStartAttempts || blobPort is not null || queuePort is not null || !started.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Azurite did not start: {started.Problem}");
            }
        }
    }

    /// <summary>Stops Azurite as an operator would (SIGTERM): it closes its servers and saves what it holds to disk.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Terminate();
        await _process.WaitForExitAsync(timeout);
    }

    /// <summary>SIGKILL, for a program's exit when it could not dispose (its folder stays).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        if (_ownedDirectory is not null)
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    private static async Task<(AzuriteProcess? Azurite, string Problem, string Output)> TryStartAsync(
        string executable, string? location, int blobPort, int queuePort, TimeSpan timeout)
    {
        // Azurite writes its debug and telemetry files to the working directory; keep them out of the repository.
        var workingDirectory = Directory.CreateTempSubdirectory("ot-azurite-").FullName;
        string[] arguments =
        [
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(FreeTcpPort.Next()),
            .. location is null ? ["--inMemoryPersistence"] : new[] { "--location", location },
        ];
        var process = ChildProcess.Start("Azurite", executable, arguments, workingDirectory);
        string problem;
        try
        {
            await process.WaitForLineAsync($"'{ReadyLine}'", line => line.Contains(ReadyLine, StringComparison.Ordinal), timeout);
            if (await AcceptsConnectionsAsync(blobPort) && await AcceptsConnectionsAsync(queuePort))
            {
                return (new AzuriteProcess(process, blobPort, queuePort, location, workingDirectory), string.Empty, string.Empty);
            }

            problem = $"it reported listening, yet port {blobPort} or {queuePort} refused a connection. Its last lines:{Environment.NewLine}{process.Tail(ChildProcess.MessageLines)}";
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            // It exited (a port taken, say) or stayed silent; the caller decides whether to try again.
            problem = exception.Message;
        }

        await process.DisposeAsync();
        Directory.Delete(workingDirectory, recursive: true);
        return (null, problem, process.Output);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
