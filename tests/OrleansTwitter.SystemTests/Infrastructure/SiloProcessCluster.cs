using System.Globalization;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Silo processes of one cluster on Redis membership and a shared <c>File</c> folder, as an
/// operator runs them on one machine, with the operator's rolling-upgrade step.
/// </summary>
internal sealed class SiloProcessCluster(string redisConnectionString, string folder) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly List<HostProcess> _silos = [];

    public string ClusterId { get; } = "procs-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The silos started and not yet stopped, oldest first.</summary>
    public IReadOnlyList<HostProcess> Silos => _silos;

    /// <summary>Starts <paramref name="count"/> silos and waits until each sees all of them active.</summary>
    public async Task StartAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Start(port: null);
        }

        await WaitUntilEverySiloSeesAsync(count, newcomerPort: null);
    }

    /// <summary>
    /// One step of a rolling upgrade: start a new silo, wait until every silo sees it active,
    /// then SIGTERM <paramref name="old"/> and wait for it to exit 0 (a graceful stop).
    /// </summary>
    private async Task ReplaceAsync(HostProcess old, TimeSpan overlap)
    {
        var port = FreeTcpPort.Next();
        Start(port);
        await WaitUntilEverySiloSeesAsync(_silos.Count, port);
        await Task.Delay(overlap);

        old.Terminate();
        var exitCode = await old.WaitForExitAsync(StopTimeout);
        _silos.Remove(old);
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
    public async Task ReplaceEverySiloAsync(TimeSpan loadPerStep)
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

    private void Start(int? port)
    {
        string[] arguments =
        [
            "--Cluster:Membership=Redis", $"--Redis:ConnectionString={redisConnectionString}", $"--Cluster:ClusterId={ClusterId}",
            $"--Storage:Path={Path.Combine(folder, "data")}", $"--Silo:HttpPort={FreeTcpPort.Next()}",
        ];
        _silos.Add(HostProcess.Start(HostProcess.SiloAssemblyPath, folder,
            port is { } p ? [.. arguments, $"--Silo:Port={p.ToString(CultureInfo.InvariantCulture)}"] : arguments));
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
