using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;
using RedisServerFixture = OrleansTwitter.Actors.Redis.Tests.Infrastructure.RedisServerFixture;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The upgrade an operator runs on three silo processes: start one more silo, SIGTERM one of the
/// originals, and repeat until none of them is left. The client reads the Redis membership table,
/// as the web tier in client mode does, and keeps posting and reading profiles throughout.
/// </summary>
[Trait("Category", "System")]
public sealed class RollingUpgradeProcessTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Users = 12;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // How long the load runs against each step's cluster, so that every step serves calls.
    private static readonly TimeSpan LoadPerStep = TimeSpan.FromMilliseconds(500);

    private readonly RedisServerFixture _redis;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-rolling-").FullName;

    public RollingUpgradeProcessTests(RedisServerFixture redis) => _redis = redis;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Replacing_every_silo_process_one_at_a_time_under_load_fails_no_request_and_loses_no_tweet()
    {
        await using var cluster = new SiloProcessCluster(_redis.ConnectionString, _folder);
        await cluster.StartAsync(3);

        using var client = await ClusterClientHost.StartWithRedisMembershipAsync(_redis.ConnectionString, cluster.ClusterId);
        var factory = client.Services.GetRequiredService<IClusterClient>();
        var users = Enumerable.Range(0, Users).Select(i => factory.GetGrain<IUserGrain>($"roller{i}")).ToArray();
        await Task.WhenAll(users.Select((u, i) => u.RegisterAsync($"roller{i}", null)));

        // A read after an acknowledged post sees it, whichever silo serves it now.
        using var load = new SteadyLoad(Users, async (i, n) =>
        {
            await users[i].PostAsync($"tweet {n} of roller{i}", null);
            var tweets = (await users[i].GetProfileAsync()).Tweets;
            return tweets == n ? null : $"roller{i} read {tweets} tweets after {n} acknowledged posts";
        });

        var outcome = await cluster.ReplaceEverySiloUnderAsync(load, LoadPerStep, StopTimeout);

        Assert.True(outcome.Failures.Count == 0, string.Join(Environment.NewLine, outcome.Failures));
        Assert.Empty(outcome.StalledOnNewSilos);
        var posted = outcome.Completed;
        for (var i = 0; i < Users; i++)
        {
            // Every acknowledged post is stored once: none lost in three moves, none doubled by a retry.
            var stored = (await users[i].GetProfileAsync()).Tweets;
            Assert.True(stored == posted[i], $"roller{i} has {stored} tweets stored after {posted[i]} acknowledged posts");
        }
    }
}
