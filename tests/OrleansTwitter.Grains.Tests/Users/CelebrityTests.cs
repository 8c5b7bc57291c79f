using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// On a manual clock, so the celebrity cache's period is exact: a post that is not visible while
/// the cache is fresh was not pushed, and becomes visible once the cache expires.
/// </summary>
public sealed class CelebrityTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(2);

    private static Task<TimelineSilo> StartAsync(ManualTimeProvider clock) => TimelineSilo.StartAsync(
        o =>
        {
            o.CelebrityThreshold = 3;
            o.CelebrityCacheDuration = CacheDuration;
        },
        clock);

    [Fact]
    public async Task With_a_threshold_of_3_a_user_with_3_followers_is_a_celebrity_whose_posts_are_not_pushed_but_every_follower_reads_them()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartAsync(clock);
        var star = await silo.RegisterAsync("ceStar");
        var fans = await silo.RegisterManyAsync("ceFan", 3);
        await star.PostAsync("while still pushed", null);
        await fans[0].FollowAsync("ceStar");
        await fans[1].FollowAsync("ceStar");
        Assert.False((await star.GetProfileAsync()).Celebrity);

        await fans[2].FollowAsync("ceStar");
        Assert.True((await star.GetProfileAsync()).Celebrity);

        // Every follower reads once: the silo's cache now holds the star's tweets as of now.
        foreach (var fan in fans)
        {
            Assert.Equal(["while still pushed"], await TimelineSilo.HomeTextsAsync(fan));
        }

        await star.PostAsync("as a celebrity", null);
        foreach (var fan in fans)
        {
            Assert.Equal(["while still pushed"], await TimelineSilo.HomeTextsAsync(fan));
        }

        clock.Advance(CacheDuration);
        foreach (var fan in fans)
        {
            Assert.Equal(["as a celebrity", "while still pushed"], await TimelineSilo.HomeTextsAsync(fan));
        }
    }

    [Fact]
    public async Task Crossing_back_below_the_threshold_minus_the_hysteresis_restores_push()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartAsync(clock);
        var star = await silo.RegisterAsync("ceHyStar");
        var fans = await silo.RegisterManyAsync("ceHyFan", 3);
        foreach (var fan in fans)
        {
            await fan.FollowAsync("ceHyStar");
        }

        // 2 followers: below the threshold (3) but not below threshold - hysteresis (3 - 1).
        await fans[2].UnfollowAsync("ceHyStar");
        Assert.True((await star.GetProfileAsync()).Celebrity);
        Assert.Empty(await TimelineSilo.HomeTextsAsync(fans[0]));
        await star.PostAsync("still a celebrity", null);
        Assert.Empty(await TimelineSilo.HomeTextsAsync(fans[0]));

        // 1 follower: push again. The cache is still fresh, so what the follower sees now was pushed or pulled from the star directly.
        await fans[1].UnfollowAsync("ceHyStar");
        Assert.False((await star.GetProfileAsync()).Celebrity);
        Assert.Equal(["still a celebrity"], await TimelineSilo.HomeTextsAsync(fans[0]));
        await star.PostAsync("pushed again", null);
        Assert.Equal(["pushed again", "still a celebrity"], await TimelineSilo.HomeTextsAsync(fans[0]));
    }

    [Fact]
    public void The_default_hysteresis_is_a_tenth_of_the_threshold_and_at_least_one()
    {
        Assert.Equal(1_000, new TimelineOptions().EffectiveCelebrityHysteresis);
        Assert.Equal(1, new TimelineOptions { CelebrityThreshold = 3 }.EffectiveCelebrityHysteresis);
        Assert.Equal(0, new TimelineOptions { CelebrityThreshold = 3, CelebrityHysteresis = 0 }.EffectiveCelebrityHysteresis);

        var options = new TimelineOptions { CelebrityThreshold = 100 };
        Assert.True(options.IsCelebrity(wasCelebrity: false, followers: 100));
        Assert.False(options.IsCelebrity(wasCelebrity: false, followers: 99));
        Assert.True(options.IsCelebrity(wasCelebrity: true, followers: 90));
        Assert.False(options.IsCelebrity(wasCelebrity: true, followers: 89));
    }
}
