using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// Azurite, the Azure Storage emulator, run as a real process on free loopback ports from the
/// copy that <c>test.sh</c> installs in <c>tools/azurite</c> (never a global install). Its state
/// is in memory, or on disk under a folder when it must survive a restart. Its blob service
/// holds grain state (<c>AzureBlob</c>) and its queue service the durable fan-out
/// (<c>AzureQueue</c> streams). Compiled into each test project that needs it, which records
/// where the executable is in its assembly metadata.
/// </summary>
internal sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account and key (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The assembly metadata key under which a project records where the executable is.</summary>
    public const string ExecutableMetadataKey = "AzuriteExecutable";

    /// <summary>Azurite prints this once the last of its services listens, so the blob service is up too.</summary>
    private const string ReadyLine = "Azurite Table service is successfully listening";

    private const int SigTerm = 15;

    /// <summary>Port races (another process takes a free port before Azurite binds it) are retried this often.</summary>
    private const int MaxStartAttempts = 3;

    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string? _ownedDirectory;

    private AzuriteProcess(Process process, ConcurrentQueue<string> output, int blobPort, int queuePort, string? location, string? ownedDirectory)
    {
        _process = process;
        _output = output;
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

    public string Output => string.Join(Environment.NewLine, _output);

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
                throw new InvalidOperationException($"Azurite did not start: {started.Problem}. Its output:{Environment.NewLine}{started.Output}");
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

        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Azurite did not exit within {timeout} of SIGTERM. Its output:{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        string[] arguments =
        [
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(FreeTcpPort.Next()),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
                if (e.Data.Contains(ReadyLine, StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string problem;
        try
        {
            var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync()).WaitAsync(timeout);
            problem = first == ready.Task && await AcceptsConnectionsAsync(blobPort) && await AcceptsConnectionsAsync(queuePort)
                ? string.Empty
                : $"it exited with code {(process.HasExited ? process.ExitCode : -1)} before listening on port {blobPort}";
        }
        catch (TimeoutException)
        {
            problem = $"it did not report listening on port {blobPort} within {timeout}";
        }

        if (problem.Length == 0)
        {
            return (new AzuriteProcess(process, output, blobPort, queuePort, location, workingDirectory), string.Empty, string.Empty);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(workingDirectory, recursive: true);
        return (null, problem, string.Join(Environment.NewLine, output));
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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
