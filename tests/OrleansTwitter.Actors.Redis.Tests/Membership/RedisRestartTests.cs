using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Redis.Tests.Membership;

/// <summary>A Redis that restarts loses the table (nothing is persisted); silos must be able to start over.</summary>
/// <remarks>In a class of its own: it restarts its server, which no other test may share.</remarks>
public sealed class RedisRestartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan s_reconnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task After_a_restart_with_no_data_the_table_reads_empty_at_version_0_and_a_write_at_version_0_succeeds()
    {
        using var table = new RedisMembershipTable(new RedisMembershipOptions
        {
            ConnectionString = redis.ConnectionString,
            ClusterId = $"restart-{Guid.NewGuid():N}",
            ConnectTimeout = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.FromSeconds(1),
        });
        var first = Row(new SiloAddress("10.0.0.1", 11111, 1));
        var second = Row(new SiloAddress("10.0.0.2", 11111, 1));
        Assert.True(await table.TryWriteAsync(first, 0));
        Assert.True(await table.TryWriteAsync(second, 1));
        Assert.Equal(2, (await table.ReadAsync()).Version);

        await redis.RestartAsync();

        var snapshot = await Eventually.SucceedsAsync(
            $"the table to be readable again after redis-server restarted on port {redis.Port}", s_reconnectTimeout, () => table.ReadAsync());
        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);

        // A heartbeat from before the restart must not bring a row back.
        await table.UpdateIAmAliveAsync(first.Silo, s_start.AddMinutes(1));
        Assert.Empty((await table.ReadAsync()).Entries);

        var rejoined = first with { Silo = first.Silo with { Generation = 2 } };
        Assert.True(await table.TryWriteAsync(rejoined, 0));
        var after = await table.ReadAsync();
        Assert.Equal(1, after.Version);
        Assert.Equal(rejoined.Silo, Assert.Single(after.Entries).Silo);
    }

    private static MembershipEntry Row(SiloAddress silo) => new(silo, SiloStatus.Active, 30000, s_start, s_start, []);
}
