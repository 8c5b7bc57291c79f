using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;
using StackExchange.Redis;

namespace OrleansTwitter.LoadGen.Targets.Redis;

/// <summary>
/// Puts a workload into an empty Redis: the follower sets, every history tweet's body, and the
/// active users' timelines filled from the history (cold users have no cached timeline until a
/// post reaches them). Commands are pipelined, a bounded number in flight.
/// </summary>
internal static class RedisLoader
{
    // Enough in flight to keep the connection busy, few enough to bound the memory they hold.
    private const int CommandsInFlight = 256;
    private const int ValuesInFlight = 200_000;
    private const int BodiesPerCommand = 500;

    public static async Task LoadAsync(IDatabase database, TimelineWorkload workload, ProgressContext progress)
    {
        var graph = workload.Graph;
        var pending = new Pending();

        var follows = progress.AddTask("redis: follower sets", maxValue: Math.Max(1, graph.Follows));
        for (var user = 0; user < graph.Users; user++)
        {
            var followers = graph.FollowersOf(user);
            if (followers.Length == 0)
            {
                continue;
            }

            var members = new RedisValue[followers.Length];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = followers[i];
            }

            await pending.AddAsync(database.SetAddAsync(RedisKeys.Followers(user), members), members.Length, follows);
        }

        await pending.DrainAsync(follows);

        var bodies = progress.AddTask("redis: tweet bodies", maxValue: Math.Max(1, workload.HistoryTweets));
        for (var first = 1L; first <= workload.HistoryTweets; first += BodiesPerCommand)
        {
            var entries = new HashEntry[(int)Math.Min(BodiesPerCommand, workload.HistoryTweets - first + 1)];
            for (var i = 0; i < entries.Length; i++)
            {
                var tweet = workload.HistoryTweet(first + i);
                entries[i] = new HashEntry(tweet.Id, RedisKeys.BodyValue(tweet));
            }

            await pending.AddAsync(database.HashSetAsync(RedisKeys.Bodies, entries), entries.Length, bodies);
        }

        await pending.DrainAsync(bodies);

        var timelines = progress.AddTask("redis: active users' timelines", maxValue: Math.Max(1, workload.Active.Count));
        foreach (var user in workload.Active.Users)
        {
            var ids = workload.HistoryTimeline(user, TimelineShape.Capacity);
            if (ids.Count == 0)
            {
                timelines.Increment(1);
                continue;
            }

            var values = new RedisValue[ids.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ids[i];
            }

            // Newest first, as LPUSH leaves a list: RPUSH of the newest-first ids.
            await pending.AddAsync(database.ListRightPushAsync(RedisKeys.Timeline(user), values), 1, timelines, values.Length);
        }

        await pending.DrainAsync(timelines);
    }

    /// <summary>Commands sent and not yet answered, with the progress they stand for.</summary>
    private sealed class Pending
    {
        private readonly List<Task> _tasks = [];
        private double _progress;
        private long _values;

        public async Task AddAsync(Task task, double progress, ProgressTask bar, long values = -1)
        {
            _tasks.Add(task);
            _progress += progress;
            _values += values < 0 ? (long)progress : values;
            if (_tasks.Count >= CommandsInFlight || _values >= ValuesInFlight)
            {
                await DrainAsync(bar);
            }
        }

        public async Task DrainAsync(ProgressTask bar)
        {
            await Task.WhenAll(_tasks);
            _tasks.Clear();
            bar.Increment(_progress);
            _progress = 0;
            _values = 0;
        }
    }
}
