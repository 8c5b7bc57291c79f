using System.Globalization;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Servers;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Hosting.Tests.Startup;

/// <summary>
/// <see cref="StartupChecks.RunAsync"/> on Redis membership, against a real redis-server: the
/// probe, and the tweet-id node ids silos take from it.
/// </summary>
public sealed class RedisStartupChecksTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    // Generous: the probe's own timeouts are 5 s; this only keeps a hang from stalling the run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_default_connection_string_is_the_contracts()
    {
        Assert.Equal("localhost:6379", RedisConnection.ConnectionString(Settings.From()));
        Assert.Equal("redis:1", RedisConnection.ConnectionString(Settings.From(("Redis:ConnectionString", "redis:1"))));
    }

    [Fact]
    public async Task Each_silo_start_takes_the_next_node_id_and_sets_Timeline_NodeId()
    {
        var clusterId = NewClusterId();
        var ids = new List<int>();
        for (var start = 0; start < 3; start++)
        {
            var configuration = SiloConfiguration(clusterId);

            var report = await Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the start-up checks");

            var nodeId = int.Parse(configuration["Timeline:NodeId"]!, CultureInfo.InvariantCulture);
            Assert.Contains($"Timeline:NodeId {nodeId}", report, StringComparison.Ordinal);
            Assert.Contains(clusterId, report, StringComparison.Ordinal);
            ids.Add(nodeId);
        }

        Assert.Equal([0, 1, 2], ids);
    }

    [Fact]
    public async Task Silos_starting_at_once_take_distinct_node_ids()
    {
        const int Silos = 8;
        var clusterId = NewClusterId();
        var configurations = Enumerable.Range(0, Silos).Select(_ => SiloConfiguration(clusterId)).ToList();

        await Eventually.CompletesAsync(
            Task.WhenAll(configurations.Select(c => Task.Run(() => StartupChecks.RunAsync(c)))), Bound, $"{Silos} concurrent start-up checks");

        var ids = configurations.Select(c => int.Parse(c["Timeline:NodeId"]!, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Silos), ids);
    }

    [Fact]
    public async Task Clusters_count_their_node_ids_apart()
    {
        var first = SiloConfiguration(NewClusterId());
        var second = SiloConfiguration(NewClusterId());

        await StartupChecks.RunAsync(first);
        await StartupChecks.RunAsync(second);

        Assert.Equal("0", first["Timeline:NodeId"]);
        Assert.Equal("0", second["Timeline:NodeId"]);
    }

    [Fact]
    public async Task A_configured_node_id_is_kept_and_none_is_taken()
    {
        var clusterId = NewClusterId();
        var configured = SiloConfiguration(clusterId);
        configured["Timeline:NodeId"] = "17";

        var report = await StartupChecks.RunAsync(configured);
        var next = SiloConfiguration(clusterId);
        await StartupChecks.RunAsync(next);

        Assert.Null(report);
        Assert.Equal("17", configured["Timeline:NodeId"]);
        Assert.Equal("0", next["Timeline:NodeId"]);
    }

    [Fact]
    public async Task A_client_probes_Redis_and_takes_no_node_id()
    {
        var clusterId = NewClusterId();
        var client = SiloConfiguration(clusterId);

        var report = await StartupChecks.RunAsync(client, client: true);
        var silo = SiloConfiguration(clusterId);
        await StartupChecks.RunAsync(silo);

        Assert.Null(report);
        Assert.Null(client["Timeline:NodeId"]);
        Assert.Equal("0", silo["Timeline:NodeId"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redis_on_a_closed_port_throws_naming_Redis_ConnectionString(bool client)
    {
        var configuration = Settings.From(
            ("Cluster:Membership", "Redis"), ("Redis:ConnectionString", $"127.0.0.1:{FreeTcpPort.Next()}"), ("Cluster:ClusterId", NewClusterId()));

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => Eventually.CompletesAsync(StartupChecks.RunAsync(configuration, client), Bound, "the probe of a closed port to fail"));

        OperatorMessages.AssertOneLineNaming(ex, "Redis:ConnectionString");
        Assert.Null(configuration["Timeline:NodeId"]);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_bad_configuration_not_an_unreachable_server()
    {
        var configuration = Settings.From(("Cluster:Membership", "Redis"), ("Redis:ConnectionString", $"{redis.ConnectionString},noSuchOption=1"));

        var ex = await Assert.ThrowsAsync<OperatorConfigurationException>(() => StartupChecks.RunAsync(configuration));

        OperatorMessages.AssertOneLineNaming(ex, "Redis:ConnectionString");
    }

    // Each test counts node ids in a cluster of its own.
    private static string NewClusterId() => $"checks-{Guid.NewGuid():N}";

    private Microsoft.Extensions.Configuration.IConfigurationRoot SiloConfiguration(string clusterId) => Settings.From(
        ("Cluster:Membership", "Redis"), ("Redis:ConnectionString", redis.ConnectionString), ("Cluster:ClusterId", clusterId));
}
