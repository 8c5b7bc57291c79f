using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// The celebrity hybrid at a threshold of 3 (hysteresis 1). The silo's celebrity cache is on a
/// fake clock, so its period is exact: a celebrity's post that is not visible while the cache is
/// fresh was not pushed, and it becomes visible once the cache expires.
/// </summary>
[Collection(ConfiguredCluster.Name)]
public sealed class CelebrityTests(ConfiguredClusterFixture cluster)
{
    [Fact]
    public async Task A_user_with_3_followers_is_a_celebrity_whose_posts_are_not_pushed_but_every_follower_reads_them()
    {
        var star = await cluster.RegisterAsync("ceStar");
        var fans = await cluster.RegisterManyAsync("ceFan", 3);
        await star.PostAsync("while still pushed", null);
        await fans[0].FollowAsync("ceStar");
        await fans[1].FollowAsync("ceStar");
        Assert.False((await star.GetProfileAsync()).Celebrity);

        await fans[2].FollowAsync("ceStar");
        Assert.True((await star.GetProfileAsync()).Celebrity);

        // Every follower reads once: the silo's cache now holds the star's tweets as of now.
        foreach (var fan in fans)
        {
            Assert.Equal(["while still pushed"], await TimelineClusterFixture.HomeTextsAsync(fan));
        }

        await star.PostAsync("as a celebrity", null);
        await Consistently.HoldsAsync(
            async () =>
            {
                var homes = await Task.WhenAll(fans.Select(f => TimelineClusterFixture.HomeTextsAsync(f)));
                return homes.All(home => home.SequenceEqual(["while still pushed"]));
            },
            "the celebrity's new post to stay out of every follower's timeline while the cache is fresh (it is not pushed)");

        cluster.CacheClock.Advance(ConfiguredClusterFixture.CelebrityCacheDuration);
        foreach (var fan in fans)
        {
            Assert.Equal(["as a celebrity", "while still pushed"], await TimelineClusterFixture.HomeTextsAsync(fan));
        }
    }

    [Fact]
    public async Task Crossing_back_below_the_threshold_minus_the_hysteresis_restores_push()
    {
        var star = await cluster.RegisterAsync("ceHyStar");
        var fans = await cluster.RegisterManyAsync("ceHyFan", 3);
        foreach (var fan in fans)
        {
            await fan.FollowAsync("ceHyStar");
        }

        // 2 followers: below the threshold (3) but not below threshold - hysteresis (3 - 1).
        await fans[2].UnfollowAsync("ceHyStar");
        Assert.True((await star.GetProfileAsync()).Celebrity);
        Assert.Empty(await TimelineClusterFixture.HomeTextsAsync(fans[0]));
        await star.PostAsync("still a celebrity", null);
        Assert.Empty(await TimelineClusterFixture.HomeTextsAsync(fans[0]));

        // 1 follower: pushed again. The cache is still fresh, so the follower sees the post it
        // missed only because the demotion made it pull from the star's tweets.
        await fans[1].UnfollowAsync("ceHyStar");
        Assert.False((await star.GetProfileAsync()).Celebrity);
        Assert.Equal(["still a celebrity"], await TimelineClusterFixture.HomeTextsAsync(fans[0]));
        await star.PostAsync("pushed again", null);
        await TimelineClusterFixture.WaitForHomeAsync(fans[0], ["pushed again", "still a celebrity"]);
    }

    [Fact]
    public async Task A_rebuild_learns_that_a_followee_became_a_celebrity_while_the_follower_was_away()
    {
        var star = await cluster.RegisterAsync("ceAwayStar");
        var fan = await cluster.RegisterAsync("ceAwayFan");
        await fan.FollowAsync("ceAwayStar");
        await cluster.DeactivateAsync(fan);

        // The announcement of the new status finds the follower asleep: it is not woken for it.
        foreach (var late in await cluster.RegisterManyAsync("ceAwayLate", 2))
        {
            await late.FollowAsync("ceAwayStar");
        }

        Assert.True((await star.GetProfileAsync()).Celebrity);
        Assert.False(cluster.IsActive(fan.GetGrainId()), "the celebrity announcement woke the sleeping follower");
        await star.PostAsync("celebrity news", null);

        Assert.Equal(["celebrity news"], await TimelineClusterFixture.HomeTextsAsync(fan));
    }
}
