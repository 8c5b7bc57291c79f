using OrleansTwitter.LoadGen.Chirper;
using OrleansTwitter.LoadGen.Targets.Cluster;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Chirper;

/// <summary>
/// Orleans with Chirper's design (<see cref="IChirperGrain"/>) on silo processes of its own,
/// started as the cluster target's are: a post calls every follower's grain and waits for them
/// all, celebrities included; a read returns the grain's own list.
/// </summary>
/// <param name="session">The silos and the client.</param>
/// <param name="calibrationUsers">Users the memory measurement gives a full timeline.</param>
internal sealed class ChirperTarget(SiloSession session, int calibrationUsers) : ITimelineTarget
{
    public TargetKind Kind => TargetKind.Chirper;

    private IClusterClient Client => session.Grains;

    public static async Task<ChirperTarget> StartAsync(int celebrityThreshold, int calibrationUsers, CancellationToken cancellationToken) =>
        new(await SiloSession.StartAsync(celebrityThreshold, cancellationToken), calibrationUsers);

    /// <summary>
    /// Every user's followers, then every grain leaves memory (cold users are woken by the posts
    /// that reach them), then the active users' timelines are filled from the history.
    /// </summary>
    public async Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(progress);
        var graph = workload.Graph;
        var followers = progress.AddTask("chirper: followers", maxValue: Math.Max(1, graph.Follows));
        await ParallelLoad.ForEachAsync(Enumerable.Range(0, graph.Users), followers, async (user, _) =>
        {
            var list = graph.FollowersOf(user).ToArray();
            await User(user).SetFollowersAsync(list);
            return list.Length;
        }, cancellationToken);

        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellationToken);
        var timelines = progress.AddTask("chirper: active users' timelines", maxValue: Math.Max(1, workload.Active.Count));
        await ParallelLoad.ForEachAsync(workload.Active.Users, timelines, async (user, _) =>
        {
            var entries = workload.HistoryTimeline(user, TimelineShape.Capacity).Select(id => Entry(workload.HistoryTweet(id))).ToArray();
            await User(user).SetTimelineAsync(entries);
            return 1;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken)
    {
        var page = await User(user).ReadAsync(TimelineShape.PageSize);
        return [.. page.Select(c => new TimelineEntry(c.Id, c.Author, c.Body))];
    }

    public Task PostAsync(Tweet tweet, CancellationToken cancellationToken) => User(tweet.Author).PostAsync(Entry(tweet));

    public Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken) => Task.FromResult(session.SiloProcessIds);

    /// <summary>
    /// <c>calibrationUsers</c> new followers of a new author who posts 800 chirps, less a
    /// control author with no followers posting 800 (<see cref="SiloHeaps.PerUserAsync"/>). Each
    /// follower keeps its own copy of every chirp, bodies included: that is Chirper's design.
    /// </summary>
    public async Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var first = workload.Graph.Users;
        var author = User(first + calibrationUsers);
        var control = User(first + calibrationUsers + 1);
        var followers = Enumerable.Range(first, calibrationUsers).ToArray();
        await control.SetFollowersAsync([]);
        var firstId = workload.FirstNewTweetId + 1_000_000_000L;
        return await SiloHeaps.PerUserAsync(
            Client,
            SiloSession.Silos,
            calibrationUsers,
            async () =>
            {
                await author.SetFollowersAsync(followers);
                for (var i = 0; i < TimelineShape.Capacity; i++)
                {
                    await author.PostAsync(Entry(new Tweet(firstId + i, first + calibrationUsers, TweetText.For(firstId + i, first + calibrationUsers))));
                }
            },
            async () =>
            {
                for (var i = 0; i < TimelineShape.Capacity; i++)
                {
                    var id = firstId + TimelineShape.Capacity + i;
                    await control.PostAsync(Entry(new Tweet(id, first + calibrationUsers + 1, TweetText.For(id, first + calibrationUsers + 1))));
                }
            });
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private static ChirpEntry Entry(Tweet tweet) => new(tweet.Id, tweet.Author, tweet.Body);

    private IChirperGrain User(int user) => Client.GetGrain<IChirperGrain>(user);
}
