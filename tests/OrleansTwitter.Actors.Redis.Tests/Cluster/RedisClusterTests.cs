using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Cluster;

/// <summary>A cluster on Redis membership. In a class of its own: it restarts its server.</summary>
[Trait("Category", "Cluster")]
public sealed class RedisClusterTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Silos_on_Redis_membership_form_a_cluster_and_re_register_after_Redis_restarts_empty()
    {
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        using var table = new RedisMembershipTable(new RedisMembershipOptions
        {
            ConnectionString = redis.ConnectionString,
            ClusterId = clusterId,
            ConnectTimeout = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.FromSeconds(1),
        });
        await using var cluster = await TestCluster.StartAsync(3, table: table);
        await using var client = await cluster.ConnectClientAsync();
        var keys = Enumerable.Range(0, 20).Select(i => $"counter-{i}").ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(1, await client.GetGrain<IRedisCounterGrain>(key).IncrementAsync().WaitAsync(Wait));
        }

        await redis.RestartAsync();

        // Every silo finds its row gone and writes it again; none loops or stops.
        await Eventually.SucceedsAsync("all 3 silos re-registered in the emptied table", Wait, async () =>
        {
            var active = (await table.ReadAsync()).Entries.Count(e => e.Status == SiloStatus.Active);
            return active == 3 ? active : throw new InvalidOperationException($"{active} of 3 silos are active in the table");
        });
        Assert.All(cluster.Silos, s => Assert.Equal(SiloStatus.Active, s.Silo.Status));
        foreach (var key in keys)
        {
            Assert.Equal(2, await client.GetGrain<IRedisCounterGrain>(key).IncrementAsync().WaitAsync(Wait));
        }
    }
}
