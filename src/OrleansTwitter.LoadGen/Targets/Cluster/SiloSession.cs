using System.Globalization;
using OrleansTwitter.LoadGen.Chirper;
using OrleansTwitter.LoadGen.Client;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// The Orleans targets' servers: a redis-server for membership, <see cref="Silos"/> silo
/// processes (<c>dotnet OrleansTwitter.Silo.dll</c>, Memory storage and streams, as
/// <see cref="SiloCluster"/> runs them) and this process's cluster client. Every silo also loads
/// the benchmark's grain types (<see cref="IChirperGrain"/>, <see cref="IHeapProbeGrain"/>)
/// through the .NET runtime's startup hook, so the product never registers them and the
/// cluster, http and chirper targets run on the same kind of silo process.
/// </summary>
internal sealed class SiloSession : IAsyncDisposable
{
    /// <summary>Two silos, as the issue asks: some calls cross between them, as in any real cluster.</summary>
    public const int Silos = 2;

    private readonly string _workingDirectory;

    private SiloSession(string workingDirectory, RedisServer redis, SiloCluster cluster, LoadClient client)
    {
        _workingDirectory = workingDirectory;
        Redis = redis;
        Cluster = cluster;
        Client = client;
    }

    public RedisServer Redis { get; }

    public SiloCluster Cluster { get; }

    public LoadClient Client { get; }

    public IClusterClient Grains => Client.Cluster;

    /// <summary>Whether the workload's graph has been loaded into these silos (the http target then measures on top of it).</summary>
    public bool GraphLoaded { get; set; }

    /// <summary>The silos' process ids, for memory and CPU from /proc.</summary>
    public IReadOnlyList<int> SiloProcessIds => [.. Cluster.Processes.Select(p => p.Process.Id)];

    /// <param name="celebrityThreshold">The graph's threshold, given to the silos as <c>Timeline:CelebrityThreshold</c>, so that the product treats as celebrities the users the graph counts as such.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SiloSession> StartAsync(int celebrityThreshold, CancellationToken cancellationToken)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("ot-loadgen-silos-").FullName;
        RedisServer? redis = null;
        SiloCluster? cluster = null;
        try
        {
            redis = await RedisServer.StartAsync(cancellationToken);
            var environment = new Dictionary<string, string>
            {
                // A documented extension point of the .NET runtime: the assembly is loaded before
                // Main, and Orleans registers it as an application part (see its StartupHook).
                ["DOTNET_STARTUP_HOOKS"] = typeof(IChirperGrain).Assembly.Location,
                ["Timeline__CelebrityThreshold"] = celebrityThreshold.ToString(CultureInfo.InvariantCulture),
            };
            cluster = await SiloCluster.StartAsync(Silos, redis, environment, workingDirectory, cancellationToken);
            var client = await LoadClient.ConnectAsync(redis, cluster.ClusterId, Silos, cancellationToken);
            return new SiloSession(workingDirectory, redis, cluster, client);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            if (redis is not null)
            {
                await redis.DisposeAsync();
            }

            Directory.Delete(workingDirectory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DisposeAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            await Redis.DisposeAsync();
            Directory.Delete(_workingDirectory, recursive: true);
        }
    }
}
