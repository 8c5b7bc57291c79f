using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Timeline;

namespace OrleansTwitter.Grains.Tests.Timeline;

public sealed class HomeTimelineTests
{
    [Fact]
    public void The_801st_entry_evicts_the_oldest()
    {
        var timeline = new HomeTimeline(TimelineLimits.HomeTimelineCapacity);
        for (var id = 1; id <= 800; id++)
        {
            Assert.True(timeline.Add(TestTweets.Make(id)));
        }

        Assert.True(timeline.Add(TestTweets.Make(801)));

        Assert.Equal(800, timeline.Count);
        Assert.Equal(2, timeline.Oldest!.Id.Value);
        Assert.Equal(801, timeline.Newest!.Id.Value);
        Assert.False(timeline.Contains(new TweetId(1)));
    }

    [Fact]
    public void A_full_timeline_refuses_a_tweet_older_than_all_it_holds()
    {
        var timeline = new HomeTimeline(3);
        foreach (var id in new[] { 10, 20, 30 })
        {
            timeline.Add(TestTweets.Make(id));
        }

        Assert.False(timeline.Add(TestTweets.Make(5)));
        Assert.True(timeline.Add(TestTweets.Make(15)));

        Assert.Equal([30, 20, 15], TestTweets.Ids(timeline.ReadPage(10, null).Items));
    }

    [Fact]
    public void The_same_tweet_added_twice_is_there_once()
    {
        var timeline = new HomeTimeline(10);
        var tweet = TestTweets.Make(7);

        Assert.True(timeline.Add(tweet));
        Assert.False(timeline.Add(tweet));
        Assert.False(timeline.Add(TestTweets.Make(7)));

        Assert.Equal(1, timeline.Count);
    }

    [Fact]
    public void Out_of_order_tweets_are_kept_in_id_order_across_the_ring_boundary()
    {
        var timeline = new HomeTimeline(5);
        foreach (var id in new[] { 10, 20, 30, 40, 50, 60, 70 })
        {
            timeline.Add(TestTweets.Make(id));
        }

        timeline.Add(TestTweets.Make(45));
        timeline.Add(TestTweets.Make(65));

        Assert.Equal([70, 65, 60, 50, 45], TestTweets.Ids(timeline.ReadPage(10, null).Items));
    }

    [Fact]
    public void Paging_goes_newest_first_with_before_exclusive_and_next_at_the_last_item()
    {
        var timeline = new HomeTimeline(100);
        for (var id = 1; id <= 7; id++)
        {
            timeline.Add(TestTweets.Make(id * 10));
        }

        var first = timeline.ReadPage(3, null);
        Assert.Equal([70, 60, 50], TestTweets.Ids(first.Items));
        Assert.Equal(50, first.Next!.Value.Value);

        var second = timeline.ReadPage(3, first.Next);
        Assert.Equal([40, 30, 20], TestTweets.Ids(second.Items));

        var last = timeline.ReadPage(3, second.Next);
        Assert.Equal([10], TestTweets.Ids(last.Items));
        Assert.Null(last.Next);
    }

    [Fact]
    public void Paging_edges_an_exact_last_page_an_id_between_entries_and_nothing_older()
    {
        var timeline = new HomeTimeline(100);
        foreach (var id in new[] { 10, 20, 30, 40 })
        {
            timeline.Add(TestTweets.Make(id));
        }

        var exact = timeline.ReadPage(4, null);
        Assert.Equal(4, exact.Items.Count);
        Assert.Null(exact.Next);

        Assert.Equal([20, 10], TestTweets.Ids(timeline.ReadPage(10, new TweetId(25)).Items));
        Assert.Same(TimelinePage.Empty, timeline.ReadPage(10, new TweetId(10)));
        Assert.Same(TimelinePage.Empty, new HomeTimeline(5).ReadPage(10, null));
        Assert.Equal([40, 30, 20, 10], TestTweets.Ids(timeline.ReadPage(10, new TweetId(long.MaxValue)).Items));
    }

    [Fact]
    public void Removing_an_author_keeps_everyone_else_in_order()
    {
        var timeline = new HomeTimeline(10);
        for (var id = 1; id <= 8; id++)
        {
            timeline.Add(TestTweets.Make(id, id % 2 == 0 ? "Even" : "odd"));
        }

        Assert.Equal(4, timeline.RemoveAll(t => t.Author == "Even"));

        Assert.Equal([7, 5, 3, 1], TestTweets.Ids(timeline.ReadPage(10, null).Items));
        Assert.True(timeline.Add(TestTweets.Make(9)));
        Assert.Equal(9, timeline.Newest!.Id.Value);
    }

    [Fact]
    public void A_large_merge_keeps_the_newest_capacity_distinct_entries()
    {
        var timeline = new HomeTimeline(10);
        foreach (var id in new[] { 5, 15, 25 })
        {
            timeline.Add(TestTweets.Make(id));
        }

        timeline.AddRange([.. Enumerable.Range(1, 20).Select(i => TestTweets.Make(i * 2)), TestTweets.Make(15)]);

        Assert.Equal([40, 38, 36, 34, 32, 30, 28, 26, 25, 24], TestTweets.Ids(timeline.ReadPage(20, null).Items));
    }

    [Fact]
    public void Random_operations_match_a_sorted_set_bounded_to_the_capacity()
    {
        var random = new Random(1234);
        const int capacity = 37;
        var timeline = new HomeTimeline(capacity);
        var model = new SortedSet<long>();
        for (var step = 0; step < 20_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 85)
            {
                var id = roll < 60 ? step + 1_000L : random.Next(1, step + 1_000);
                timeline.Add(TestTweets.Make(id));
                if (model.Count < capacity || id > model.Min)
                {
                    model.Add(id);
                    if (model.Count > capacity)
                    {
                        model.Remove(model.Min);
                    }
                }
            }
            else if (roll < 95)
            {
                var batch = Enumerable.Range(0, random.Next(1, 30)).Select(_ => (long)random.Next(1, step + 1_000)).ToList();
                timeline.AddRange([.. batch.Select(id => TestTweets.Make(id))]);
                foreach (var id in batch)
                {
                    model.Add(id);
                }

                while (model.Count > capacity)
                {
                    model.Remove(model.Min);
                }
            }
            else
            {
                var modulus = random.Next(3, 9);
                timeline.RemoveAll(t => t.Id.Value % modulus == 0);
                model.RemoveWhere(id => id % modulus == 0);
            }

            Assert.Equal(model.Reverse().ToArray(), TestTweets.Ids(timeline.ReadPage(100, null).Items));
        }
    }
}
