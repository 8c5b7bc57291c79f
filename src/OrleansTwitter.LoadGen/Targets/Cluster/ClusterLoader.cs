using OrleansTwitter.Contracts;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// Puts a workload into empty silos through the product's own grain interface, as users would:
/// every user registers, posts its history, then follows whom the graph says. Posting before
/// following costs no fan-out, and each follow merges the followee's recent tweets into the
/// follower's home timeline, so the history ends up in every timeline the way the product
/// builds it. Then every grain is deactivated (cold users are not in memory) and the active
/// users are read once, which activates them and rebuilds their timelines by pulling.
/// </summary>
internal static class ClusterLoader
{
    public static async Task LoadAsync(IClusterClient client, TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        var graph = workload.Graph;
        var users = Enumerable.Range(0, graph.Users);

        var register = progress.AddTask("cluster: register users", maxValue: graph.Users);
        await ParallelLoad.ForEachAsync(users, register, async (user, _) =>
        {
            await User(client, user).RegisterAsync(UserHandles.Of(user), null);
            return 1;
        }, cancellationToken);

        var history = progress.AddTask("cluster: post history", maxValue: Math.Max(1, workload.HistoryTweets));
        await ParallelLoad.ForEachAsync(users, history, async (user, _) =>
        {
            var grain = User(client, user);
            for (var round = 0; round < workload.HistoryPerUser; round++)
            {
                var tweet = workload.HistoryTweet(workload.HistoryTweetId(round, user));
                await grain.PostAsync(tweet.Body, null);
            }

            return workload.HistoryPerUser;
        }, cancellationToken);

        var follows = progress.AddTask("cluster: follows", maxValue: Math.Max(1, graph.Follows));
        await ParallelLoad.ForEachAsync(users, follows, async (user, _) =>
        {
            var following = graph.FollowingOf(user).ToArray();
            var grain = User(client, user);
            foreach (var followee in following)
            {
                await grain.FollowAsync(UserHandles.Of(followee));
            }

            return following.Length;
        }, cancellationToken);

        // Everything idle leaves memory, as it would after a quiet while: cold users only
        // receive, and the product skips followers that are not in memory.
        var cold = progress.AddTask("cluster: deactivate, then activate the active users", maxValue: Math.Max(1, workload.Active.Count));
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellationToken);
        await ParallelLoad.ForEachAsync(workload.Active.Users, cold, async (user, _) =>
        {
            await User(client, user).GetHomeTimelineAsync(TimelineShape.PageSize, null);
            return 1;
        }, cancellationToken);
    }

    private static IUserGrain User(IClusterClient client, int user) => client.GetGrain<IUserGrain>(UserHandles.Of(user));
}
