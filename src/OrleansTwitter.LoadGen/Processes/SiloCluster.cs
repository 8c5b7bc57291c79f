using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// Silo processes, as an operator runs them (<c>dotnet OrleansTwitter.Silo.dll</c> with the
/// operator contract's keys), on free loopback ports with Memory storage. One silo uses the
/// in-process membership table; more than one need a table they share, so they use Redis.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<Member> _members;

    private SiloCluster(List<Member> members) => _members = members;

    public static string SiloAssemblyPath => typeof(SiloCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SiloAssemblyPath").Value!;

    /// <summary>The gateways, as <c>host:port</c>, for <c>ClusterClientOptions.Gateways</c>.</summary>
    public IReadOnlyList<string> Gateways => [.. _members.Select(m => "127.0.0.1:" + m.GatewayPort.ToString(CultureInfo.InvariantCulture))];

    public IReadOnlyList<ChildProcess> Processes => [.. _members.Select(m => m.Process)];

    /// <summary>
    /// Starts <paramref name="count"/> silos and returns once each wrote "Application started"
    /// and, with more than one, once each one's membership view lists all of them as active.
    /// </summary>
    public static async Task<SiloCluster> StartAsync(int count, RedisServer? redis, IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(SiloAssemblyPath))
        {
            throw new FileNotFoundException($"Build the solution in this configuration first: {SiloAssemblyPath} does not exist.", SiloAssemblyPath);
        }

        if (count > 1 && redis is null)
        {
            throw new ArgumentException("Silos in separate processes share membership only through Redis.", nameof(redis));
        }

        var clusterId = "loadgen-" + Guid.NewGuid().ToString("N")[..8];
        var members = new List<Member>();
        var cluster = new SiloCluster(members);
        try
        {
            for (var i = 0; i < count; i++)
            {
                members.Add(StartSilo(i, count, redis, clusterId, environment, workingDirectory));
            }

            foreach (var member in members)
            {
                await member.Process.WaitForLineAsync("'Application started'", line => line.Contains("Application started", StringComparison.Ordinal), StartTimeout, cancellationToken);
            }

            if (count > 1)
            {
                // Calls made before every silo sees every other would be placed on a partial ring
                // and then moved: the measurement would include a membership change.
                var endpoints = members.Select(m => "127.0.0.1:" + m.Port.ToString(CultureInfo.InvariantCulture) + "@").ToList();
                foreach (var member in members)
                {
                    await member.Process.WaitForLineAsync(
                        $"a membership view with all {count} silos active",
                        line => line.Contains("active silos", StringComparison.Ordinal) && endpoints.All(e => line.Contains(e, StringComparison.Ordinal)),
                        StartTimeout,
                        cancellationToken);
                }
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.Process.DisposeAsync();
        }
    }

    private static Member StartSilo(int index, int count, RedisServer? redis, string clusterId, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var port = FreeTcpPort.Next();
        var gatewayPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(SiloAssemblyPath);
        start.ArgumentList.Add("--Silo:Host=127.0.0.1");
        start.ArgumentList.Add($"--Silo:Port={port}");
        start.ArgumentList.Add($"--Silo:GatewayPort={gatewayPort}");
        start.ArgumentList.Add($"--Silo:HttpPort={FreeTcpPort.Next()}");
        start.ArgumentList.Add("--Storage:Provider=Memory");
        start.ArgumentList.Add($"--Cluster:ClusterId={clusterId}");
        if (count > 1)
        {
            start.ArgumentList.Add("--Cluster:Membership=Redis");
            start.ArgumentList.Add($"--Redis:ConnectionString={redis!.ConnectionString}");
        }

        // Plain single lines, so the waits above can match them; Production, as an operator runs it.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new Member(ChildProcess.Start($"silo {index + 1}", start), port, gatewayPort);
    }

    private sealed record Member(ChildProcess Process, int Port, int GatewayPort);
}
