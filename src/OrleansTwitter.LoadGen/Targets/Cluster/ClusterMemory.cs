using OrleansTwitter.Contracts;
using OrleansTwitter.LoadGen.Workload;
using ContractTweet = OrleansTwitter.Contracts.Tweet;
using TweetText = OrleansTwitter.LoadGen.Workload.TweetText;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// Memory per active user with a full timeline, in the product's silos: new users register and
/// follow one new author, who posts 800 tweets; the silos' managed heaps grow by the users
/// (activations, states and their Memory storage records, follow edges, full timelines) and by
/// the tweets, and a second author with no followers posting 800 more measures the tweets alone
/// (<see cref="SiloHeaps.PerUserAsync"/>).
/// </summary>
internal static class ClusterMemory
{
    /// <param name="client">The cluster client.</param>
    /// <param name="prefix">Starts the handles of the users it creates, so that each measurement in a run has its own.</param>
    /// <param name="users">How many users to give a full timeline.</param>
    /// <param name="workload">The run's workload (the measurement's bodies look like its tweets).</param>
    /// <param name="cancellationToken">Cancels the wait for deliveries.</param>
    public static async Task<double> PerActiveUserAsync(IClusterClient client, string prefix, int users, TimelineWorkload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workload);
        var author = await RegisterAsync(client, $"{prefix}_author");
        var control = await RegisterAsync(client, $"{prefix}_control");
        var followers = Enumerable.Range(0, users).Select(i => $"{prefix}_f{i}").ToList();
        var firstId = workload.FirstNewTweetId + 1_000_000_000L;
        return await SiloHeaps.PerUserAsync(
            client,
            SiloSession.Silos,
            users,
            async () =>
            {
                await Parallel.ForEachAsync(followers, cancellationToken, async (handle, _) =>
                {
                    var follower = await RegisterAsync(client, handle);
                    await follower.FollowAsync(author.GetPrimaryKeyString());
                });

                ContractTweet? last = null;
                for (var i = 0; i < TimelineShape.Capacity; i++)
                {
                    last = await author.PostAsync(TweetText.For(firstId + i, -1), null);
                }

                await CalibrationWait.UntilAsync(
                    $"every calibration follower's timeline to start with tweet {last!.Id}",
                    async () => (await Task.WhenAll(followers.Select(f => client.GetGrain<IUserGrain>(f).GetHomeTimelineAsync(1, null))))
                        .All(p => p.Items.Count == 1 && p.Items[0].Id == last.Id),
                    cancellationToken);
            },
            async () =>
            {
                for (var i = 0; i < TimelineShape.Capacity; i++)
                {
                    await control.PostAsync(TweetText.For(firstId + TimelineShape.Capacity + i, -1), null);
                }
            });
    }

    private static async Task<IUserGrain> RegisterAsync(IClusterClient client, string handle)
    {
        var user = client.GetGrain<IUserGrain>(handle);
        await user.RegisterAsync(handle, null);
        return user;
    }
}
