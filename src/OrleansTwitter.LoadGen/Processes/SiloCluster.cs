using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// Silo processes, as an operator runs them (<c>dotnet OrleansTwitter.Silo.dll</c> with the
/// operator contract's keys), on free loopback ports with Memory storage and Memory streams,
/// and Redis membership in a cluster of their own (a fresh <see cref="ClusterId"/>), so that
/// a set-up never sees the rows of the one before it.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<ChildProcess> _processes = [];

    private SiloCluster(string clusterId) => ClusterId = clusterId;

    public static string SiloAssemblyPath => typeof(SiloCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SiloAssemblyPath").Value!;

    /// <summary>The <c>Cluster:ClusterId</c> the silos form, for the client to join.</summary>
    public string ClusterId { get; }

    public IReadOnlyList<ChildProcess> Processes => _processes;

    /// <summary>
    /// Starts <paramref name="count"/> silos and returns once each wrote "Application started",
    /// which the host writes after Orleans' start has finished: the silo is Active in membership.
    /// </summary>
    public static async Task<SiloCluster> StartAsync(int count, RedisServer redis, IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(SiloAssemblyPath))
        {
            throw new FileNotFoundException($"Build the silo in this configuration first: {SiloAssemblyPath} does not exist.", SiloAssemblyPath);
        }

        var cluster = new SiloCluster("loadgen-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            for (var i = 0; i < count; i++)
            {
                cluster._processes.Add(StartSilo(i, redis, cluster.ClusterId, environment, workingDirectory));
            }

            foreach (var process in cluster._processes)
            {
                await process.WaitForLineAsync("'Application started'", line => line.Contains("Application started", StringComparison.Ordinal), StartTimeout, cancellationToken);
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
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    private static ChildProcess StartSilo(int index, RedisServer redis, string clusterId, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(SiloAssemblyPath);
        foreach (var (key, value) in new (string, string)[]
        {
            ("Silo:Host", "127.0.0.1"),
            ("Silo:Port", Port()),
            ("Silo:GatewayPort", Port()),
            ("Silo:HttpPort", Port()),
            ("Storage:Provider", "Memory"),
            ("Streams:Provider", "Memory"),
            ("Cluster:Membership", "Redis"),
            ("Cluster:ClusterId", clusterId),
            ("Redis:ConnectionString", redis.ConnectionString),
        })
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // Plain single lines, so the wait above can match them; Production, as an operator runs it.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ChildProcess.Start($"silo {index + 1}", start);
    }

    private static string Port() => FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
}
