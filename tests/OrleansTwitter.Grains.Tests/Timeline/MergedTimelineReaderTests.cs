using System.Collections.Immutable;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Timeline;

namespace OrleansTwitter.Grains.Tests.Timeline;

public sealed class MergedTimelineReaderTests
{
    private static HomeTimeline Pushed(params long[] ids)
    {
        var timeline = new HomeTimeline(100);
        foreach (var id in ids)
        {
            timeline.Add(TestTweets.Make(id));
        }

        return timeline;
    }

    private static ImmutableArray<Tweet> NewestFirst(params long[] ids) => [.. ids.OrderDescending().Select(id => TestTweets.Make(id, "celebrity"))];

    [Fact]
    public void Sources_merge_newest_first_and_a_tweet_in_two_sources_shows_once()
    {
        var page = MergedTimelineReader.ReadPage(Pushed(1, 4, 6, 9), [NewestFirst(2, 6, 8), NewestFirst(3, 7)], 10, null, 100);

        Assert.Equal([9, 8, 7, 6, 4, 3, 2, 1], TestTweets.Ids(page.Items));
        Assert.Null(page.Next);
    }

    [Fact]
    public void Pages_follow_on_from_next_without_gaps_or_repeats()
    {
        var home = Pushed(1, 3, 5, 7, 9);
        ImmutableArray<Tweet>[] celebrities = [NewestFirst(2, 4, 6, 8, 10)];
        var seen = new List<long>();
        TweetId? before = null;
        do
        {
            var page = MergedTimelineReader.ReadPage(home, celebrities, 3, before, 100);
            seen.AddRange(TestTweets.Ids(page.Items));
            before = page.Next;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), seen);
    }

    [Fact]
    public void The_merged_timeline_holds_at_most_the_capacity()
    {
        var page = MergedTimelineReader.ReadPage(Pushed(1, 3, 5), [NewestFirst(2, 4, 6)], 10, null, 4);

        Assert.Equal([6, 5, 4, 3], TestTweets.Ids(page.Items));
        Assert.Null(page.Next);
        Assert.Empty(MergedTimelineReader.ReadPage(Pushed(1, 3, 5), [NewestFirst(2, 4, 6)], 10, new TweetId(3), 4).Items);
    }

    [Fact]
    public void Empty_sources_give_an_empty_page()
    {
        Assert.Same(TimelinePage.Empty, MergedTimelineReader.ReadPage(Pushed(), [[], []], 5, null, 100));
    }
}
