using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Redis.Membership;
using RedisServerFixture = OrleansTwitter.Actors.Redis.Tests.Infrastructure.RedisServerFixture;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>Three silo processes on Redis membership and shared File storage, as an operator runs them.</summary>
[Trait("Category", "System")]
public sealed class MultiProcessClusterTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Users = 30;
    private readonly RedisServerFixture _redis;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-cluster-").FullName;

    public MultiProcessClusterTests(RedisServerFixture redis) => _redis = redis;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Three_silo_processes_form_one_cluster_and_serve_every_grain_again_after_one_is_killed()
    {
        await using var cluster = new SiloProcessCluster(_redis.ConnectionString, _folder);
        await cluster.StartAsync(3);
        var silos = cluster.Silos;

        // Each silo took its tweet-id node id from the cluster's counter: no two share one.
        var nodeIds = silos.Select(s => System.Text.RegularExpressions.Regex.Match(s.Output, @"Timeline:NodeId (\d+) allocated from Redis")).ToList();
        Assert.All(nodeIds, m => Assert.True(m.Success, "a silo did not report its node id"));
        Assert.Equal(3, nodeIds.Select(m => m.Groups[1].Value).Distinct().Count());

        using var table = new RedisMembershipTable((new RedisMembershipOptions { ConnectionString = _redis.ConnectionString, ClusterId = cluster.ClusterId }), NullLogger<RedisMembershipTable>.Instance);
        var rows = (await table.ReadAsync()).Entries;
        Assert.Equal(3, rows.Count(r => r.Status == SiloStatus.Active));

        using var client = await ClusterClientHost.StartAsync(cluster.GatewayPorts);
        var factory = client.Services.GetRequiredService<IClusterClient>();
        for (var i = 0; i < Users; i++)
        {
            Assert.True(await factory.GetGrain<IUserGrain>($"user{i}").RegisterAsync($"User{i}", null));
        }

        silos[2].Kill();
        var killedAt = DateTime.UtcNow;
        Assert.NotEqual(0, await silos[2].WaitForExitAsync(TimeSpan.FromSeconds(10)));

        // Every grain answers again once the cluster has declared the dead silo dead and
        // re-placed its grains; until then a call may fail fast, never hang.
        var deadline = killedAt + TimeSpan.FromSeconds(20);
        var pending = Enumerable.Range(0, Users).ToHashSet();
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var i in pending.ToList())
            {
                try
                {
                    var profile = await factory.GetGrain<IUserGrain>($"user{i}").GetProfileAsync().WaitAsync(TimeSpan.FromSeconds(5));
                    Assert.Equal($"User{i}", profile.Handle);
                    pending.Remove(i);
                }
                catch (SiloUnavailableException)
                {
                    // Routed to the dead silo before it was declared dead: try again.
                }
            }
        }

        Assert.True(pending.Count == 0, $"users {string.Join(", ", pending)} were still unreachable 20 s after the kill");

        // The table says so too (bounded: it is written by the survivors' votes).
        IReadOnlyList<Actors.Membership.MembershipEntry> after = [];
        while (DateTime.UtcNow < deadline)
        {
            after = (await table.ReadAsync()).Entries;
            if (after.Count(r => r.Status == SiloStatus.Dead) == 1)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var rowsText = string.Join("; ", after.Select(r => $"{r.Silo} {r.Status} votes={r.Suspicions.Count}"));
        Assert.True(after.Count(r => r.Status == SiloStatus.Active) == 2, $"expected 2 active silos, the table has: {rowsText}");
        Assert.True(after.Count(r => r.Status == SiloStatus.Dead) == 1, $"expected 1 dead silo, the table has: {rowsText}");
    }
}
