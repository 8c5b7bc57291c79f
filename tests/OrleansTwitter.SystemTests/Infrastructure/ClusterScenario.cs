using Xunit.Abstractions;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// What the cluster scenarios run on, all real processes on loopback: Azurite (blob and queue
/// services), silos on Redis membership with <c>AzureBlob</c> grain storage and <c>AzureQueue</c>
/// streams in Azurite, web front ends in <c>Cluster:Mode=Client</c>, and a cluster client of the
/// test's own to look at where grains live. Disposing stops everything and writes each process's
/// last lines to the test output.
/// </summary>
internal sealed class ClusterScenario : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-system-").FullName;
    private readonly List<WebProcess> _webs = [];
    private AzuriteProcess? _azurite;
    private ClusterClientHost? _client;

    private readonly RedisServerFixture _redis;

    private ClusterScenario(RedisServerFixture redis, ITestOutputHelper output)
    {
        _redis = redis;
        _output = output;
    }

    public SiloProcessCluster Cluster { get; private set; } = null!;

    public IReadOnlyList<WebProcess> Webs => _webs;

    /// <summary>The test's own cluster client (Redis membership).</summary>
    public IClusterClient Client => _client!.Client;

    /// <summary>Starts Azurite, <paramref name="silos"/> silos and <paramref name="webs"/> web front ends (more settings for every silo in <paramref name="siloSettings"/>), and connects the test's client.</summary>
    public static async Task<ClusterScenario> StartAsync(RedisServerFixture redis, ITestOutputHelper output, int silos, int webs, params string[] siloSettings)
    {
        var scenario = new ClusterScenario(redis, output);
        try
        {
            await scenario.StartAsync(silos, webs, siloSettings);
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }

        return scenario;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        foreach (var web in _webs)
        {
            await web.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartAsync(int silos, int webs, string[] siloSettings)
    {
        _azurite = await AzuriteProcess.StartAsync(AzuriteProcess.ExecutableFor(typeof(ClusterScenario).Assembly));
        Cluster = new SiloProcessCluster(_redis.ConnectionString, _folder, _output,
        [
            "--Storage:Provider=AzureBlob", $"--Storage:ConnectionString={_azurite.ConnectionString}", "--Streams:Provider=AzureQueue",
            .. siloSettings,
        ]);
        await Cluster.StartAsync(silos);

        // One at a time: each start connects to the cluster and reads the key ring from it.
        for (var i = 1; i <= webs; i++)
        {
            _webs.Add(await WebProcess.StartAsync($"web {i}", _folder, port: null, _output,
                "--Cluster:Mode=Client", "--Cluster:Membership=Redis", $"--Redis:ConnectionString={_redis.ConnectionString}", $"--Cluster:ClusterId={Cluster.ClusterId}",
                // The scenarios' users post as fast as the cluster answers them; the limiter is not what they test.
                "--Web:PostRateLimit:PostsPerMinute=60000", "--Web:PostRateLimit:Burst=10000"));
        }

        _client = await ClusterClientHost.StartWithRedisMembershipAsync(_redis.ConnectionString, Cluster.ClusterId);
    }
}
