using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Tests.Tweets;

/// <summary>Full pages of an author's tweets, as the author's timeline and followers' rebuilds read them.</summary>
[Collection(SharedCluster.Name)]
public sealed class TweetPageTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task A_page_read_empty_is_read_again_once_another_activation_has_stored_it()
    {
        var key = TweetPageGrain.KeyOf("pagelate", 0);
        var page = cluster.Grains.GetGrain<ITweetPageGrain>(key);
        var tweets = Enumerable.Range(1, UserTweetsGrain.PageSize)
            .Select(i => new Tweet(TweetId.Create(1_000 + i, 1, 0), "pagelate", $"tweet {i}", TweetId.Epoch.AddMilliseconds(1_000 + i)))
            .ToList();

        Assert.Empty(await page.GetAsync());

        // What a second activation of the page, briefly run elsewhere while silos came and went, leaves in storage.
        await cluster.Storage.WriteStateAsync(TweetPageState.Name, page.GetGrainId(), new GrainState<TweetPageState>(new TweetPageState { Tweets = tweets }));

        Assert.Equal(tweets, await page.GetAsync());
    }

    [Fact]
    public async Task A_page_missing_from_storage_fails_the_read_instead_of_leaving_a_hole_and_posting_goes_on()
    {
        var user = await cluster.RegisterAsync("pagegap");
        for (var i = 0; i < UserTweetsGrain.PageSize + 8; i++)
        {
            await user.PostAsync($"tweet {i}", null);
        }

        var pageId = GrainId.Create("tweetpage", TweetPageGrain.KeyOf("pagegap", 0));
        await cluster.CollectIdleAsync(user.GetGrainId(), GrainId.Create("usertweets", "pagegap"), pageId);
        var stored = new GrainState<TweetPageState>(new TweetPageState());
        await cluster.Storage.ReadStateAsync(TweetPageState.Name, pageId, stored);
        Assert.Equal(UserTweetsGrain.PageSize, stored.State!.Tweets.Count);
        await cluster.Storage.ClearStateAsync(TweetPageState.Name, pageId, stored);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => user.GetTweetsAsync(100, null));

        Assert.Contains("Page 0 of pagegap's tweets is missing from storage", error.Message, StringComparison.Ordinal);

        // Posting goes on: the lost page cannot hold a retried post, and the author is not stuck.
        var after = await user.PostAsync("after the loss", null);
        Assert.Equal(after, (await user.GetTweetsAsync(1, null)).Items.Single());
    }
}
