using System.Globalization;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Silo processes of one cluster on Redis membership and a shared <c>File</c> folder, as an
/// operator runs them on one machine, with the operator's rolling-upgrade step.
/// </summary>
/// <param name="redisConnectionString">The Redis that holds the membership table.</param>
/// <param name="folder">The working directory of every silo; <c>File</c> storage goes under it.</param>
/// <param name="siloArguments">More settings for every silo, after the cluster's own.</param>
internal sealed class SiloProcessCluster(string redisConnectionString, string folder, params string[] siloArguments) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly List<HostProcess> _silos = [];
    private readonly Dictionary<HostProcess, (int Port, int GatewayPort)> _ports = [];

    public string ClusterId { get; } = "procs-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The silos started and not yet stopped, oldest first.</summary>
    public IReadOnlyList<HostProcess> Silos => _silos;

    /// <summary>The running silos' gateway ports, oldest first: for a client on static gateways.</summary>
    public IReadOnlyList<int> GatewayPorts => [.. _silos.Select(s => _ports[s].GatewayPort)];

    /// <summary>The running silo whose <c>Silo:Port</c> is <paramref name="port"/>.</summary>
    public HostProcess SiloOnPort(int port) => _silos.Single(s => _ports[s].Port == port);

    /// <summary>Starts <paramref name="count"/> silos and waits until each sees all of them active.</summary>
    public async Task StartAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Start();
        }

        // Until every view has them all, calls are placed on partial rings, and two activations
        // of one grain meet at the ETag (InconsistentStateException).
        await WaitUntilEverySiloSeesAsync(count, newcomerPort: null);
    }

    /// <summary>
    /// One step of a rolling upgrade: start a new silo, wait until every silo sees it active,
    /// then SIGTERM <paramref name="old"/> and wait for it to exit 0 (a graceful stop).
    /// </summary>
    private async Task ReplaceAsync(HostProcess old, TimeSpan overlap)
    {
        var newcomer = Start();
        await WaitUntilEverySiloSeesAsync(_silos.Count, _ports[newcomer].Port);
        await Task.Delay(overlap);

        old.Terminate();
        var exitCode = await old.WaitForExitAsync(StopTimeout);
        _silos.Remove(old);
        _ports.Remove(old);
        await old.DisposeAsync();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The silo stopped by SIGTERM exited {exitCode}, not 0. Its output:{Environment.NewLine}{old.Output}");
        }
    }

    /// <summary>
    /// A whole rolling upgrade: replaces every silo running now, one at a time (see
    /// <see cref="ReplaceAsync"/>), with <paramref name="loadPerStep"/> of load before, between
    /// and after the steps so that every intermediate cluster serves requests.
    /// </summary>
    private async Task ReplaceEverySiloAsync(TimeSpan loadPerStep)
    {
        var originals = _silos.ToArray();
        await Task.Delay(loadPerStep);
        foreach (var old in originals)
        {
            await ReplaceAsync(old, loadPerStep);
            await Task.Delay(loadPerStep);
        }
    }

    /// <summary>
    /// <see cref="ReplaceEverySiloAsync"/> under <paramref name="load"/>, then one more
    /// <paramref name="loadPerStep"/> on the new silos alone, then stops the load.
    /// </summary>
    public async Task<RollingOutcome> ReplaceEverySiloUnderAsync(SteadyLoad load, TimeSpan loadPerStep, TimeSpan stopTimeout)
    {
        await ReplaceEverySiloAsync(loadPerStep);
        var beforeLastStep = load.Completed;
        await Task.Delay(loadPerStep);
        var failures = await load.StopAsync(stopTimeout);
        return new RollingOutcome(failures, beforeLastStep, load.Completed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    private HostProcess Start()
    {
        var (port, gatewayPort) = (FreeTcpPort.Next(), FreeTcpPort.Next());
        string[] arguments =
        [
            "--Cluster:Membership=Redis", $"--Redis:ConnectionString={redisConnectionString}", $"--Cluster:ClusterId={ClusterId}",
            $"--Storage:Path={Path.Combine(folder, "data")}", $"--Silo:HttpPort={FreeTcpPort.Next()}",
            $"--Silo:Port={port.ToString(CultureInfo.InvariantCulture)}", $"--Silo:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
            .. siloArguments,
        ];
        var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, folder, arguments);
        _silos.Add(silo);
        _ports[silo] = (port, gatewayPort);
        return silo;
    }

    /// <summary>
    /// Every running silo logs a view of exactly <paramref name="count"/> active silos that
    /// includes the one listening on <paramref name="newcomerPort"/> (when given): an older
    /// view of that size, from before the last departure, does not count.
    /// </summary>
    private async Task WaitUntilEverySiloSeesAsync(int count, int? newcomerPort)
    {
        var newcomer = newcomerPort is { } port ? $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}@" : null;
        foreach (var silo in _silos)
        {
            await silo.WaitForOutputAsync(
                $"a membership view with {count} active silos" + (newcomer is null ? string.Empty : $" including {newcomer}"),
                line => HostProcess.ActiveSilosIn(line) == count && (newcomer is null || line.Contains(newcomer, StringComparison.Ordinal)),
                StartTimeout);
        }
    }
}
