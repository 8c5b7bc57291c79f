using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.Workload;

namespace OrleansTwitter.LoadGen.Tests.Workload;

public sealed class TimelineWorkloadTests
{
    private static readonly SocialGraph Graph = GraphGenerator.Generate(new GraphSettings { Users = 2_000, MeanFollowers = 30, Seed = 3 });

    [Theory]
    [InlineData(800)]
    [InlineData(50)]
    public void A_history_timeline_is_the_newest_tweets_of_the_followees_and_the_user(int capacity)
    {
        var workload = new TimelineWorkload(Graph, ActiveUsers.Choose(Graph.Users, 0.1, 3), historyPerUser: 12);

        foreach (var user in new[] { 0, 1, 17, 999, 1_999 })
        {
            // Every history tweet, filtered by author and sorted: slow and obviously right.
            var authors = Graph.FollowingOf(user).ToArray().Append(user).ToHashSet();
            var expected = Enumerable.Range(1, (int)workload.HistoryTweets)
                .Select(id => workload.HistoryTweet(id))
                .Where(t => authors.Contains(t.Author))
                .Select(t => t.Id)
                .OrderDescending()
                .Take(capacity)
                .ToList();

            Assert.Equal(expected, workload.HistoryTimeline(user, capacity));
        }
    }

    [Fact]
    public void History_tweets_are_time_ordered_round_by_round_and_new_ids_follow_them()
    {
        var workload = new TimelineWorkload(Graph, ActiveUsers.Choose(Graph.Users, 0.1, 3), historyPerUser: 4);

        Assert.Equal(8_000, workload.HistoryTweets);
        Assert.Equal(8_001, workload.FirstNewTweetId);
        Assert.Equal(new Tweet(1, 0, TweetText.For(1, 0)), workload.HistoryTweet(1));
        Assert.Equal(workload.HistoryTweetId(3, 1_999), workload.HistoryTweets);
        Assert.Equal(1_999, workload.HistoryTweet(workload.HistoryTweets).Author);
    }

    [Fact]
    public void Active_users_are_a_share_of_all_chosen_by_the_seed()
    {
        var first = ActiveUsers.Choose(10_000, 0.25, seed: 5);
        var again = ActiveUsers.Choose(10_000, 0.25, seed: 5);
        var other = ActiveUsers.Choose(10_000, 0.25, seed: 6);

        Assert.Equal(2_500, first.Count);
        Assert.Equal(first.Count, first.Users.Distinct().Count());
        Assert.Equal(first.Users, again.Users);
        Assert.NotEqual(first.Users, other.Users);
        Assert.All(first.Users, u => Assert.True(first.Contains(u)));
        Assert.Equal(first.Count, Enumerable.Range(0, 10_000).Count(first.Contains));
    }

    [Fact]
    public void Tweet_bodies_depend_on_the_id_alone_and_have_a_tweets_length()
    {
        var lengths = Enumerable.Range(1, 10_000).Select(id => TweetText.For(id, 7).Length).ToList();

        Assert.Equal(TweetText.For(123, 7), TweetText.For(123, 7));
        Assert.NotEqual(TweetText.For(123, 7), TweetText.For(124, 7));
        Assert.InRange(lengths.Min(), 40, 60);
        Assert.InRange(lengths.Max(), 140, 160);
    }
}
