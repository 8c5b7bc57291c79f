using System.Globalization;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Chaos.Rig;

/// <summary>
/// The deployment a failure scenario runs on, all real processes on loopback, as the operator
/// contract describes it: Redis with append-only persistence (membership), Azurite (Azure Blob
/// grain storage, Azure Queue streams), silos on <c>Cluster:Membership=Redis</c>,
/// <c>Storage:Provider=AzureBlob</c>, <c>Streams:Provider=AzureQueue</c>, and web front ends in
/// <c>Cluster:Mode=Client</c>. The operator's steps are its methods: start a silo, stop one
/// (SIGTERM), kill one (SIGKILL), restart Redis. Disposing stops everything.
/// </summary>
internal sealed class ChaosRig : IAsyncDisposable
{
    /// <summary>
    /// How long a new silo must have been ready before the scenario goes on, as Kubernetes'
    /// <c>minReadySeconds</c>: longer than the clients' gateway-list refresh (2 s,
    /// MembershipDefaults.GatewayListRefreshPeriod), so the web front ends know it first.
    /// </summary>
    public static readonly TimeSpan MinReady = TimeSpan.FromSeconds(3);

    /// <summary>How often a silo is started when its start-up check finds a dependency unreachable.</summary>
    private const int StartAttempts = 3;

    /// <summary>The operator contract's exit code for "Redis or storage did not answer; a restart may succeed".</summary>
    private const int DependencyUnavailableExitCode = 3;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("ot-chaos-").FullName;
    private readonly string? _logFolder;
    private readonly List<RigProcess> _silos = [];
    private readonly List<RigProcess> _started = [];
    private readonly List<RigProcess> _webs = [];

    // The first silos start together, and a retry after a failed start runs on the thread pool.
    private readonly Lock _lock = new();
    private AofRedis? _redis;
    private AzuriteProcess? _azurite;

    private ChaosRig(string? logFolder)
    {
        _logFolder = logFolder;

        // Ctrl+C or a failure that ends the program before disposal must not leave silos, web
        // front ends, Azurite or Redis running: the shared process helper kills its process
        // only when disposed.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The cluster's <c>Cluster:ClusterId</c>, fresh for every rig.</summary>
    public string ClusterId { get; } = "chaos-" + Guid.NewGuid().ToString("N")[..8];

    public AofRedis Redis => _redis!;

    /// <summary>The silos running now (started, neither stopped nor killed), oldest first.</summary>
    public IReadOnlyList<RigProcess> Silos => [.. _silos];

    public IReadOnlyList<RigProcess> Webs => _webs;

    /// <summary>Starts Redis, Azurite, <paramref name="silos"/> silos of the current build, and one web front end per entry of <paramref name="webBuilds"/>.</summary>
    public static async Task<ChaosRig> StartAsync(int silos, IReadOnlyList<HostBuild> webBuilds, string? logFolder)
    {
        var rig = new ChaosRig(logFolder);
        try
        {
            rig._redis = await AofRedis.StartAsync(Path.Combine(rig._folder, "redis"), logFolder);
            rig._azurite = await AzuriteProcess.StartAsync(AzuriteProcess.ExecutableFor(typeof(ChaosRig).Assembly));
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => rig.LaunchUntilStartedAsync(HostBuild.Current)));

            var webs = webBuilds.Select(rig.LaunchWeb).ToList();
            foreach (var web in webs)
            {
                await HostProcesses.WaitUntilReadyAsync(web.Process, web.HttpAddress, StartTimeout);
            }
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    /// <summary>
    /// Starts a silo of <paramref name="build"/>; returns once it is ready (Active) and has been
    /// for <see cref="MinReady"/>. A silo whose start-up check found Redis or storage
    /// unreachable exits with code 3 (operator contract); like Kubernetes' restart policy, the
    /// rig starts it again, at most <see cref="StartAttempts"/> times.
    /// </summary>
    public async Task<RigProcess> StartSiloAsync(HostBuild build)
    {
        var silo = await LaunchUntilStartedAsync(build);
        await Task.Delay(MinReady);
        return silo;
    }

    /// <summary>SIGTERM, then waits for the exit, which must be code 0 (Orleans' graceful shutdown).</summary>
    public async Task StopSiloAsync(RigProcess silo)
    {
        _silos.Remove(silo);
        silo.Process.Terminate();
        var exitCode = await silo.Process.WaitForExitAsync(StopTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{silo}, stopped by SIGTERM, exited with code {exitCode}, not 0. Its last lines:{Environment.NewLine}{silo.Process.Tail(60)}");
        }
    }

    /// <summary>SIGKILL: a crash; returns once the process is gone.</summary>
    public async Task KillSiloAsync(RigProcess silo)
    {
        _silos.Remove(silo);
        silo.Process.Kill();
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The last lines of every process started, for a scenario that failed its bar.</summary>
    public string Tails(int lines) => string.Join(Environment.NewLine,
        _started.Concat(_webs).Select(p => $"----- {p}{(p.Process.HasExited ? $", exit code {p.Process.ExitCode}" : string.Empty)}:{Environment.NewLine}{p.Process.Tail(lines)}"));

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        foreach (var process in _webs.Concat(_started))
        {
            await process.Process.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        foreach (var process in _webs.Concat(_started).Select(p => p.Process).Where(p => !p.HasExited))
        {
            process.Kill();
        }

        _azurite?.Kill();
        _redis?.Kill();
    }

    private async Task<RigProcess> LaunchUntilStartedAsync(HostBuild build)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silo = LaunchSilo(build);
            try
            {
                await HostProcesses.WaitUntilReadyAsync(silo.Process, silo.HttpAddress, StartTimeout);
                return silo;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && silo.Process.HasExited && silo.Process.ExitCode == DependencyUnavailableExitCode)
            {
                lock (_lock)
                {
                    _silos.Remove(silo);
                }
            }
        }
    }

    private RigProcess LaunchSilo(HostBuild build)
    {
        var (port, gatewayPort, httpPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        string name;
        lock (_lock)
        {
            name = "silo " + (_started.Count + 1).ToString(CultureInfo.InvariantCulture);
        }

        var process = HostProcesses.Start(name, build.SiloAssembly, _folder,
        [
            "--Silo:Host=127.0.0.1", $"--Silo:Port={Invariant(port)}", $"--Silo:GatewayPort={Invariant(gatewayPort)}", $"--Silo:HttpPort={Invariant(httpPort)}",
            .. ClusterArguments,
            "--Storage:Provider=AzureBlob", $"--Storage:ConnectionString={_azurite!.ConnectionString}", "--Streams:Provider=AzureQueue",
        ], logFolder: _logFolder);
        var silo = new RigProcess(name, process, build, httpPort);
        lock (_lock)
        {
            _started.Add(silo);
            _silos.Add(silo);
        }

        return silo;
    }

    private RigProcess LaunchWeb(HostBuild build)
    {
        var port = FreeTcpPort.Next();
        var name = "web " + (_webs.Count + 1).ToString(CultureInfo.InvariantCulture);
        var process = HostProcesses.Start(name, build.WebAssembly, _folder,
        [
            $"--urls=http://127.0.0.1:{Invariant(port)}", "--Cluster:Mode=Client", .. ClusterArguments,
            // The load's users post as fast as the scenario asks; the per-user limiter is not what it tests.
            "--Web:PostRateLimit:PostsPerMinute=60000", "--Web:PostRateLimit:Burst=10000",
        ], logFolder: _logFolder);
        var web = new RigProcess(name, process, build, port);
        _webs.Add(web);
        return web;
    }

    private string[] ClusterArguments => ["--Cluster:Membership=Redis", $"--Redis:ConnectionString={_redis!.ConnectionString}", $"--Cluster:ClusterId={ClusterId}"];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
