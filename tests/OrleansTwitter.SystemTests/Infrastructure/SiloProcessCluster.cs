using System.Globalization;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Silo processes of one cluster on Redis membership, as an operator runs them on one machine,
/// each on its own free loopback ports, with the operator's steps: start a silo and wait until
/// it is active everywhere, stop one gracefully (SIGTERM, exit code 0), or kill one (SIGKILL).
/// </summary>
/// <remarks>
/// A silo is active when its own <c>/health/ready</c> answers 200 and every other running silo's
/// membership view lists it as active. A silo's view is read through a client connected to that
/// silo's gateway alone: <see cref="IManagementGrain"/> is a stateless worker, which a client's
/// call activates on the gateway silo, and it answers from that silo's membership oracle.
/// </remarks>
internal sealed class SiloProcessCluster : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ViewTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly string[] _settings;
    private readonly ITestOutputHelper _output;
    private readonly List<SiloNode> _running = [];
    private readonly List<SiloNode> _started = [];
    private readonly Dictionary<SiloNode, ClusterClientHost> _viewClients = [];

    /// <param name="redisConnectionString">The Redis that holds the membership table.</param>
    /// <param name="folder">The working directory of every silo.</param>
    /// <param name="output">Where each silo's output goes when the cluster is disposed.</param>
    /// <param name="settings">More settings for every silo (storage, streams), after the cluster's own.</param>
    public SiloProcessCluster(string redisConnectionString, string folder, ITestOutputHelper output, params string[] settings)
    {
        _folder = folder;
        _output = output;
        _settings =
        [
            "--Cluster:Membership=Redis", $"--Redis:ConnectionString={redisConnectionString}", $"--Cluster:ClusterId={ClusterId}",
            .. settings,
        ];
    }

    public string ClusterId { get; } = "procs-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The silos started and neither stopped nor killed, oldest first.</summary>
    public IReadOnlyList<SiloNode> Silos => [.. _running];

    /// <summary>The running silo whose address is <paramref name="siloAddress"/>.</summary>
    public SiloNode SiloAt(SiloAddress siloAddress) => _running.Single(s => s.Is(siloAddress));

    /// <summary>Starts <paramref name="count"/> silos at once and waits until each is ready and seen active by all.</summary>
    public async Task StartAsync(int count)
    {
        var silos = Enumerable.Range(0, count).Select(_ => Launch()).ToList();
        foreach (var silo in silos)
        {
            await HostProcesses.WaitUntilReadyAsync(silo.Process, silo.Ports.HttpAddress, StartTimeout);
        }

        foreach (var silo in silos)
        {
            await WaitUntilEverySiloSeesAsync(silo);
        }
    }

    /// <summary>Starts one more silo and waits until it is ready and every other silo's view has it active.</summary>
    public async Task<SiloNode> StartSiloAsync()
    {
        var silo = Launch();
        await HostProcesses.WaitUntilReadyAsync(silo.Process, silo.Ports.HttpAddress, StartTimeout);
        await WaitUntilEverySiloSeesAsync(silo);
        return silo;
    }

    /// <summary>SIGTERM, then waits for the exit, which must be code 0 (a graceful stop).</summary>
    public async Task StopGracefullyAsync(SiloNode silo)
    {
        await ForgetAsync(silo);
        silo.Process.Terminate();
        var exitCode = await silo.Process.WaitForExitAsync(StopTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{silo}, stopped by SIGTERM, exited with code {exitCode}, not 0. Its output:{Environment.NewLine}{silo.Process.Tail(200)}");
        }
    }

    /// <summary>SIGKILL: a crash; returns once the process is gone.</summary>
    public async Task KillAsync(SiloNode silo)
    {
        silo.Process.Kill();
        await ForgetAsync(silo);
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The silos <paramref name="silo"/>'s membership view lists as active, as <c>127.0.0.1:port</c>.</summary>
    public async Task<IReadOnlyCollection<string>> ActiveViewOfAsync(SiloNode silo)
    {
        if (!_viewClients.TryGetValue(silo, out var client))
        {
            client = await ClusterClientHost.StartAsync(silo.Ports.GatewayPort, ClusterId);
            _viewClients[silo] = client;
        }

        var hosts = await client.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return [.. hosts.Keys.Select(a => $"127.0.0.1:{a.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}")];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _viewClients.Values)
        {
            await client.DisposeAsync();
        }

        foreach (var silo in _started)
        {
            var end = silo.Process.HasExited ? $"exit code {silo.Process.ExitCode.ToString(CultureInfo.InvariantCulture)}" : "killed by the test's clean-up";
            await silo.Process.DisposeAsync();
            _output.WriteLine($"----- {silo}, {end}:{Environment.NewLine}{silo.Process.Tail(120)}");
        }
    }

    private SiloNode Launch()
    {
        var ports = SiloPorts.Free();
        var name = $"silo {(_started.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        var silo = new SiloNode(Programs.StartSilo(name, _folder, [.. ports.Arguments, .. _settings]), ports);
        _started.Add(silo);
        _running.Add(silo);
        return silo;
    }

    private async Task ForgetAsync(SiloNode silo)
    {
        _running.Remove(silo);
        if (_viewClients.Remove(silo, out var client))
        {
            await client.DisposeAsync();
        }
    }

    private async Task WaitUntilEverySiloSeesAsync(SiloNode newcomer)
    {
        foreach (var silo in _running)
        {
            await Eventually.MeetsAsync(async () =>
            {
                var view = await ActiveViewOfAsync(silo);
                return view.Contains(newcomer.Ports.Endpoint) ? null : $"active: {string.Join(", ", view)}";
            }, ViewTimeout, $"{silo}'s membership view to list {newcomer} as active", Eventually.SlowPoll);
        }
    }
}
