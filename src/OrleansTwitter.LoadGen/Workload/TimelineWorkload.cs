using OrleansTwitter.LoadGen.Graph;

namespace OrleansTwitter.LoadGen.Workload;

/// <summary>
/// What every target is given: the graph, who is active, and the tweets posted before the run
/// (<see cref="HistoryPerUser"/> per user, so that every home timeline has tweets to show
/// from the first read). History tweet ids are time-ordered round by round: round k holds one
/// tweet of every user, ids <c>k·N + user + 1</c>. New posts take ids from
/// <see cref="FirstNewTweetId"/> on.
/// </summary>
internal sealed class TimelineWorkload
{
    public TimelineWorkload(SocialGraph graph, ActiveUsers active, int historyPerUser)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentOutOfRangeException.ThrowIfNegative(historyPerUser);
        Graph = graph;
        Active = active;
        HistoryPerUser = historyPerUser;
    }

    public SocialGraph Graph { get; }

    public ActiveUsers Active { get; }

    public int HistoryPerUser { get; }

    public long HistoryTweets => (long)Graph.Users * HistoryPerUser;

    public long FirstNewTweetId => HistoryTweets + 1;

    public long HistoryTweetId(int round, int user) => ((long)round * Graph.Users) + user + 1;

    /// <summary>History tweet <paramref name="id"/> (1 to <see cref="HistoryTweets"/>).</summary>
    public Tweet HistoryTweet(long id)
    {
        var author = (int)((id - 1) % Graph.Users);
        return new Tweet(id, author, TweetText.For(id, author));
    }

    /// <summary>
    /// The ids of <paramref name="user"/>'s home timeline as the history left it, newest first, at
    /// most <paramref name="capacity"/>: the history tweets of the users they follow and their own,
    /// as the product's timeline holds the author's own posts too.
    /// </summary>
    public List<long> HistoryTimeline(int user, int capacity)
    {
        var following = Graph.FollowingOf(user);
        var timeline = new List<long>(Math.Min(capacity, (following.Length + 1) * HistoryPerUser));
        for (var round = HistoryPerUser - 1; round >= 0 && timeline.Count < capacity; round--)
        {
            // Within a round a larger user number is newer; the user's own tweet is merged into
            // their (ascending) followees, walked from the end.
            var ownPending = true;
            for (var i = following.Length - 1; i >= -1 && timeline.Count < capacity; i--)
            {
                var next = i >= 0 ? following[i] : -1;
                if (ownPending && user > next)
                {
                    timeline.Add(HistoryTweetId(round, user));
                    ownPending = false;
                    if (timeline.Count == capacity)
                    {
                        break;
                    }
                }

                if (next >= 0)
                {
                    timeline.Add(HistoryTweetId(round, next));
                }
            }
        }

        return timeline;
    }
}
