using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Placement;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;
using RedisServerFixture = OrleansTwitter.Actors.Redis.Tests.Infrastructure.RedisServerFixture;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The durable fan-out as an operator runs it: three silo processes on Redis membership and
/// Redis streams, sharing File storage. The author's silo is SIGKILLed in the middle of a run of
/// posts, and every acknowledged tweet must still reach every follower, once.
/// </summary>
[Trait("Category", "System")]
public sealed class DurableFanoutProcessTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Followers = 50;
    private const int Posts = 200;
    private const string Author = "author";
    private static readonly TimeSpan PostDeadline = TimeSpan.FromSeconds(60);
    private readonly RedisServerFixture _redis;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-durable-").FullName;

    public DurableFanoutProcessTests(RedisServerFixture redis) => _redis = redis;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_acknowledged_tweet_reaches_every_follower_once_although_the_authors_silo_is_killed_mid_run()
    {
        await using var cluster = new SiloProcessCluster(_redis.ConnectionString, _folder,
            "--Streams:Provider=Redis",
            // Followers that lived on the killed silo lose their in-memory timelines and
            // rebuild from the authors' stored tweets: the window must cover the whole run.
            $"--Timeline:PullPerFollowee={Posts * 2}");
        await cluster.StartAsync(3);

        using var client = await ClusterClientHost.StartAsync(cluster.GatewayPorts);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var author = grains.GetGrain<IUserGrain>(Author);
        Assert.True(await author.RegisterAsync(Author, null));
        var followers = Enumerable.Range(0, Followers).Select(i => grains.GetGrain<IUserGrain>($"fan{i}")).ToList();
        for (var i = 0; i < Followers; i++)
        {
            Assert.True(await followers[i].RegisterAsync($"fan{i}", null));
            await followers[i].FollowAsync(Author);

            // Active, with a built timeline: fan-out delivers to them rather than skipping them.
            await followers[i].GetHomeTimelineAsync(TimelineLimits.DefaultPageSize, null);
        }

        var acknowledged = new List<TweetId>();
        var killedPort = 0;
        for (var n = 1; n <= Posts; n++)
        {
            acknowledged.Add((await PostUntilAcknowledgedAsync(author, n)).Id);
            if (n == Posts / 2)
            {
                killedPort = await OwnerPortAsync(cluster.ClusterId, GrainId.FromString("user", Author));
                cluster.SiloOnPort(killedPort).Kill();
            }
        }

        Assert.NotEqual(0, await cluster.SiloOnPort(killedPort).WaitForExitAsync(TimeSpan.FromSeconds(10)));

        // Deliveries are asynchronous: wait, bounded, until every timeline has them all.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var missing = new Dictionary<int, int>();
        do
        {
            missing.Clear();
            for (var i = 0; i < Followers; i++)
            {
                HashSet<TweetId> home;
                try
                {
                    home = await ReadHomeAsync(followers[i]);
                }
                catch (SiloUnavailableException)
                {
                    // Routed by a view that still had the dead silo: read again next round.
                    missing[i] = -1;
                    continue;
                }

                var duplicates = home.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(duplicates.Count == 0, $"fan{i} has {duplicates.Count} tweets twice, e.g. {duplicates.FirstOrDefault()}");
                var absent = acknowledged.Count(id => !home.Contains(id));
                if (absent > 0)
                {
                    missing[i] = absent;
                }
            }

            if (missing.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline);

        Assert.True(missing.Count == 0,
            $"{missing.Count} followers lack acknowledged tweets (-1: unreachable): {string.Join(", ", missing.Take(10).Select(m => $"fan{m.Key} lacks {m.Value}"))}");
    }

    // A post in flight when its silo dies fails fast; the client retries it with the same
    // idempotency key, so a retry never makes a second tweet.
    private static async Task<Tweet> PostUntilAcknowledgedAsync(IUserGrain author, int n)
    {
        var deadline = DateTime.UtcNow + PostDeadline;
        while (true)
        {
            try
            {
                return await author.PostAsync($"tweet {n}", $"post-{n}").WaitAsync(TimeSpan.FromSeconds(35));
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static async Task<HashSet<TweetId>> ReadHomeAsync(IUserGrain user)
    {
        var ids = new List<TweetId>();
        TweetId? before = null;
        do
        {
            var page = await user.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, before);
            ids.AddRange(page.Items.Select(t => t.Id));
            before = page.Next;
        }
        while (before is not null);

        var distinct = ids.ToHashSet();
        Assert.True(distinct.Count == ids.Count, $"{user} has {ids.Count - distinct.Count} entries twice in its home timeline");
        return distinct;
    }

    /// <summary>The Silo:Port of the process that owns <paramref name="grain"/>, by the same placement the silos compute.</summary>
    private async Task<int> OwnerPortAsync(string clusterId, GrainId grain)
    {
        using var table = new RedisMembershipTable(new RedisMembershipOptions { ConnectionString = _redis.ConnectionString, ClusterId = clusterId }, NullLogger<RedisMembershipTable>.Instance);
        var view = new MembershipView(await table.ReadAsync());
        Assert.Equal(3, view.ActiveSilos.Count);
        return RendezvousPlacement.Owner(grain, view)!.Value.Port;
    }
}
