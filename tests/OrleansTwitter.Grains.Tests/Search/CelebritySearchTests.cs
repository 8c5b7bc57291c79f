using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>A celebrity's tweets are not fanned out, yet they are published for search and trends.</summary>
[Collection(ConfiguredCluster.Name)]
public sealed class CelebritySearchTests(ConfiguredClusterFixture cluster)
{
    [Fact]
    public async Task A_celebritys_tweet_is_searchable_and_trends_while_followers_still_do_not_get_it_pushed()
    {
        var star = await cluster.RegisterAsync("csStar");
        var fans = await cluster.RegisterManyAsync("csFan", ConfiguredClusterFixture.CelebrityThreshold);
        foreach (var fan in fans)
        {
            await fan.FollowAsync("csStar");
        }

        Assert.True((await star.GetProfileAsync()).Celebrity);

        // Each fan reads once, so the silo's celebrity cache holds the star's tweets as of now.
        foreach (var fan in fans)
        {
            Assert.Empty(await TimelineClusterFixture.HomeTextsAsync(fan));
        }

        var tweet = await star.PostAsync("stardust from the #CelebSearch", null);

        var page = await Eventually.WaitForAsync(
            () => cluster.Grains.GetGrain<ISearchGrain>(0).SearchAsync("stardust", 20, null),
            p => p.Items.Count == 1,
            Eventually.DefaultTimeout,
            "the celebrity's tweet to be searchable");
        Assert.Equal(tweet.Id, page.Items[0].Id);
        await Eventually.WaitAsync(
            async () => (await cluster.Grains.GetGrain<ITrendsGrain>(0).GetTrendsAsync()).Items.Contains(new TrendingTag("#celebsearch", 1)),
            "the celebrity's hashtag to be counted in the trends");

        // Still not pushed: the fans' timelines come from the fresh cache until it expires.
        await Consistently.HoldsAsync(
            async () => (await Task.WhenAll(fans.Select(f => TimelineClusterFixture.HomeTextsAsync(f)))).All(home => home.Count == 0),
            "the celebrity's tweet to stay out of the fans' pushed timelines");
    }
}
