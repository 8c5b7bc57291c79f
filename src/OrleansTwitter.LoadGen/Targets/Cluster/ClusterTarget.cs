using OrleansTwitter.Contracts;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;
using ContractTweet = OrleansTwitter.Contracts.Tweet;
using Tweet = OrleansTwitter.LoadGen.Workload.Tweet;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// Our grains through the Orleans cluster client, over TCP to <see cref="SiloSession.Silos"/>
/// silo processes: a read is <c>IUserGrain.GetHomeTimelineAsync(50)</c>, a post
/// <c>IUserGrain.PostAsync</c>, which returns once the tweet is stored and its fan-out queued.
/// </summary>
/// <param name="session">The silos and the client.</param>
/// <param name="calibrationUsers">Users the memory measurement gives a full timeline.</param>
internal sealed class ClusterTarget(SiloSession session, int calibrationUsers) : ITimelineTarget
{
    public TargetKind Kind => TargetKind.Cluster;

    private IClusterClient Client => session.Grains;

    public async Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        if (!session.GraphLoaded)
        {
            await ClusterLoader.LoadAsync(Client, workload, progress, cancellationToken);
            session.GraphLoaded = true;
        }
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken)
    {
        var page = await Client.GetGrain<IUserGrain>(UserHandles.Of(user)).GetHomeTimelineAsync(TimelineShape.PageSize, null);
        return Entries(page.Items);
    }

    public Task PostAsync(Tweet tweet, CancellationToken cancellationToken) =>
        Client.GetGrain<IUserGrain>(UserHandles.Of(tweet.Author)).PostAsync(tweet.Body, null);

    public Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken) => Task.FromResult(session.SiloProcessIds);

    /// <summary>The memory of <c>calibrationUsers</c> new active users with full timelines (<see cref="ClusterMemory"/>).</summary>
    public async Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken) =>
        await ClusterMemory.PerActiveUserAsync(Client, "cal", calibrationUsers, workload, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TimelineEntry[] Entries(IReadOnlyList<ContractTweet> items)
    {
        var entries = new TimelineEntry[items.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var item = items[i];
            entries[i] = new TimelineEntry(UserHandles.WorkloadTweetId(item.Text), UserHandles.UserOf(item.Author), item.Text);
        }

        return entries;
    }
}
