using System.Diagnostics;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Membership;

/// <summary>What only the Redis table can get wrong: several connections, several clusters, its key layout, an absent Redis.</summary>
public sealed class RedisMembershipTableTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int RaceRounds = 20;
    private const int WritersPerTable = 4;
    private const int PauseMilliseconds = 3000;

    // Generous for a connect and a command of 1 s each, yet far below a hang.
    private static readonly TimeSpan s_unreachableBound = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_two_tables_with_separate_connections_racing_from_one_snapshot_exactly_one_wins()
    {
        var clusterId = NewClusterId("race");
        using var tableA = NewTable(clusterId);
        using var tableB = NewTable(clusterId);
        for (var round = 1; round <= RaceRounds; round++)
        {
            var snapshot = await tableA.ReadAsync();
            Assert.Equal(snapshot.Version, (await tableB.ReadAsync()).Version);
            var writes = Enumerable.Range(0, 2 * WritersPerTable)
                .Select(writer => (Table: writer % 2 == 0 ? tableA : tableB, Row: Row(new SiloAddress($"10.{round}.0.{writer}", 11111, round))))
                .ToList();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = writes.Select(write => Task.Run(async () =>
            {
                await gate.Task;
                return await write.Table.TryWriteAsync(write.Row, snapshot.Version);
            })).ToList();

            gate.SetResult();
            var results = await Task.WhenAll(racing).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, results.Count(won => won));
            var winner = writes[Array.IndexOf(results, true)].Row;
            var after = await tableB.ReadAsync();
            Assert.Equal(snapshot.Version + 1, after.Version);
            Assert.Equal(round, after.Entries.Count);
            Assert.NotNull(after.Find(winner.Silo));
        }
    }

    [Fact]
    public async Task Two_cluster_ids_on_one_redis_do_not_see_each_others_rows()
    {
        using var tableA = NewTable(NewClusterId("a"));
        using var tableB = NewTable(NewClusterId("b"));
        var rowA = Row(new SiloAddress("10.0.0.1", 11111, 1));
        var rowB = Row(new SiloAddress("10.0.0.2", 11111, 1));
        Assert.True(await tableA.TryWriteAsync(rowA, 0));

        var seenByB = await tableB.ReadAsync();
        Assert.Equal(0, seenByB.Version);
        Assert.Empty(seenByB.Entries);
        await tableB.UpdateIAmAliveAsync(rowA.Silo, s_start.AddMinutes(1));
        Assert.True(await tableB.TryWriteAsync(rowB, 0));
        await tableB.ClearAsync();

        var seenByA = await tableA.ReadAsync();
        Assert.Equal(1, seenByA.Version);
        var onlyRow = Assert.Single(seenByA.Entries);
        Assert.Equal(rowA.Silo, onlyRow.Silo);
        Assert.Equal(rowA.IAmAliveTime, onlyRow.IAmAliveTime);
    }

    [Fact]
    public async Task The_cluster_lives_in_two_hashes_named_after_it_and_clear_deletes_them()
    {
        var clusterId = NewClusterId("keys");
        using var table = NewTable(clusterId);
        var row = Row(new SiloAddress("10.0.0.1", 11111, 1));
        Assert.True(await table.TryWriteAsync(row, 0));
        await table.UpdateIAmAliveAsync(row.Silo, s_start.AddSeconds(1));
        using var client = await RawRedis.ConnectAsync(redis);
        var db = client.Database;

        Assert.Equal("1", (string?)await db.HashGetAsync($"ot:{{{clusterId}}}:membership", "version"));
        Assert.True(await db.HashExistsAsync($"ot:{{{clusterId}}}:membership", row.Silo.ToString()));
        Assert.True(await db.HashExistsAsync($"ot:{{{clusterId}}}:iamalive", row.Silo.ToString()));

        await table.ClearAsync();

        Assert.False(await db.KeyExistsAsync($"ot:{{{clusterId}}}:membership"));
        Assert.False(await db.KeyExistsAsync($"ot:{{{clusterId}}}:iamalive"));
    }

    [Fact]
    public async Task A_row_that_is_not_ours_fails_the_read_naming_the_field_and_the_key()
    {
        var clusterId = NewClusterId("corrupt");
        using var table = NewTable(clusterId);
        using var client = await RawRedis.ConnectAsync(redis);
        await client.Database.HashSetAsync($"ot:{{{clusterId}}}:membership", "10.0.0.1:11111@1", "{not json");

        var error = await Assert.ThrowsAsync<RedisProviderException>(() => table.ReadAsync());

        Assert.Contains("'10.0.0.1:11111@1'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"ot:{{{clusterId}}}:membership", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_redis_fails_every_operation_quickly_with_a_message_naming_the_endpoint()
    {
        var port = FreeTcpPort.Next();
        using var table = new RedisMembershipTable(new RedisMembershipOptions
        {
            ConnectionString = $"127.0.0.1:{port},password=do-not-echo-me",
            ClusterId = NewClusterId("unreachable"),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.FromSeconds(1),
        });
        var row = Row(new SiloAddress("10.0.0.1", 11111, 1));
        var operations = new (string Name, Func<Task> Run)[]
        {
            ("read", () => table.ReadAsync()),
            ("write", () => table.TryWriteAsync(row, 0)),
            ("I-am-alive", () => table.UpdateIAmAliveAsync(row.Silo, s_start)),
            ("clear", () => table.ClearAsync()),
        };

        foreach (var (name, run) in operations)
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<RedisProviderException>(() => run().WaitAsync(s_unreachableBound * 2));
            clock.Stop();

            Assert.True(clock.Elapsed < s_unreachableBound, $"The {name} took {clock.Elapsed} to fail: {error.Message}");
            Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("do-not-echo-me", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_fails_the_operation_within_the_operation_timeout()
    {
        using var table = new RedisMembershipTable(new RedisMembershipOptions
        {
            ConnectionString = redis.ConnectionString,
            ClusterId = NewClusterId("paused"),
            OperationTimeout = TimeSpan.FromMilliseconds(500),
        });
        var row = Row(new SiloAddress("10.0.0.1", 11111, 1));
        Assert.True(await table.TryWriteAsync(row, 0));

        // Redis holds every client's commands for the pause: a hung server, as the table sees it.
        await redis.PauseClientsAsync(TimeSpan.FromMilliseconds(PauseMilliseconds));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisProviderException>(() => table.TryWriteAsync(row, 1).WaitAsync(s_unreachableBound));
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(PauseMilliseconds), $"The write took {clock.Elapsed} to fail: {error.Message}");
        Assert.Contains(redis.ConnectionString, error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer within 0.5 s", error.Message, StringComparison.Ordinal);
        var afterPause = await Eventually.SucceedsAsync("the table to answer after the pause", s_unreachableBound, () => table.ReadAsync());
        Assert.Equal(2, afterPause.Version);
    }

    [Fact]
    public async Task A_canceled_operation_throws_operation_canceled()
    {
        using var table = NewTable(NewClusterId("canceled"));
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.ReadAsync(canceled.Token));
    }

    [Fact]
    public async Task After_dispose_operations_fail_with_object_disposed()
    {
        var table = NewTable(NewClusterId("disposed"));
        await table.ReadAsync();

        table.Dispose();
        table.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => table.ReadAsync());
    }

    private RedisMembershipTable NewTable(string clusterId) =>
        new(new RedisMembershipOptions { ConnectionString = redis.ConnectionString, ClusterId = clusterId });

    private static string NewClusterId(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    private static MembershipEntry Row(SiloAddress silo) => new(silo, SiloStatus.Active, 30000, s_start, s_start, []);
}
