using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>
/// Trends: counted on each silo, merged over the window (10 minutes, from configuration), ranked.
/// One test, since it ends by sliding the cluster's trend clocks past the window.
/// </summary>
[Collection(SearchCluster.Name)]
public sealed class TrendsTests(SearchClusterFixture cluster)
{
    [Fact]
    public async Task Tags_are_counted_per_silo_by_tweet_merged_ranked_top_10_and_leave_with_the_window()
    {
        // 11 tags: tag k is used by k + 2 tweets (3 to 13), so #tr00 (3 tweets) is 11th and left out.
        var authors = await cluster.RegisterManyAsync("trAuthor", 40);
        var countedBefore = cluster.Silos.Select(s => SearchClusterFixture.TrendCounterOf(s).TweetsCounted).ToArray();
        var posts = new List<(IUserGrain Author, string Text)>();
        for (var k = 0; k < 11; k++)
        {
            for (var n = 0; n < k + 3; n++)
            {
                // Occurrences are not tweets: the tag twice in one tweet, and in upper case, counts once.
                posts.Add((authors[posts.Count % authors.Length], n == 0 ? $"#TR{k:00} twice #tr{k:00}" : $"about #tr{k:00} again"));
            }
        }

        // A tie at 13 tweets with #tr10: broken by the tag.
        for (var n = 0; n < 13; n++)
        {
            posts.Add((authors[posts.Count % authors.Length], "tie #tr0a"));
        }

        await TimelineClusterFixture.InBatchesAsync(posts.Count, i => posts[i].Author.PostAsync(posts[i].Text, null));

        TrendingTag[] expected =
        [
            new("#tr0a", 13), new("#tr10", 13), new("#tr09", 12), new("#tr08", 11), new("#tr07", 10),
            new("#tr06", 9), new("#tr05", 8), new("#tr04", 7), new("#tr03", 6), new("#tr02", 5),
        ];
        var trends = await Eventually.WaitForAsync(
            () => cluster.Grains.GetGrain<ITrendsGrain>(0).GetTrendsAsync(),
            t => t.Items.SequenceEqual(expected),
            Eventually.DefaultTimeout,
            "the trends to rank the test's tags");
        Assert.Equal((int)SearchClusterFixture.TrendWindow.TotalSeconds, trends.WindowSeconds);

        // Every tweet was counted once, by the silo whose stream agent delivered it: several silos counted.
        var counted = cluster.Silos.Select((s, i) => SearchClusterFixture.TrendCounterOf(s).TweetsCounted - countedBefore[i]).ToArray();
        Assert.Equal(posts.Count, counted.Sum());
        Assert.True(counted.Count(c => c > 0) >= 2, $"only one silo counted tags ({string.Join(", ", counted)}): counting is per silo");

        // Past the window (and the one bucket a tweet may overlap), the tags are gone.
        cluster.AdvanceTrendClocks(SearchClusterFixture.TrendWindow + TimeSpan.FromSeconds(20));
        Assert.Empty((await cluster.Grains.GetGrain<ITrendsGrain>(0).GetTrendsAsync()).Items.Where(t => t.Tag.StartsWith("#tr", StringComparison.Ordinal)));
    }
}
