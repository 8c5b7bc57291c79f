using System.Collections.Concurrent;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>Live subscribers of a home timeline (what the web tier's event stream uses).</summary>
[Collection(SharedCluster.Name)]
public sealed class HomeTimelineObserverTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task A_subscriber_gets_the_users_own_posts_and_the_tweets_delivered_from_followees()
    {
        var reader = await cluster.RegisterAsync("obReader");
        var author = await cluster.RegisterAsync("obAuthor");
        await reader.FollowAsync("obAuthor");
        var recorder = new RecordingObserver();
        await reader.SubscribeAsync(cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder));

        var theirs = await author.PostAsync("from the author", null);
        var mine = await reader.PostAsync("from the reader", null);

        await recorder.WaitForAsync(2);
        Assert.Equal([theirs.Id, mine.Id], recorder.Tweets.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task Subscribing_twice_delivers_once_and_unsubscribing_stops_the_pushes()
    {
        var user = await cluster.RegisterAsync("obOnce");
        var recorder = new RecordingObserver();
        var reference = cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder);
        await user.SubscribeAsync(reference);
        await user.SubscribeAsync(reference);

        await user.PostAsync("first", null);
        await recorder.WaitForAsync(1);
        await user.UnsubscribeAsync(reference);
        await user.UnsubscribeAsync(reference);
        var probe = new RecordingObserver();
        await user.SubscribeAsync(cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(probe));
        await user.PostAsync("second", null);
        await probe.WaitForAsync(1);

        Assert.Equal(["first"], recorder.Tweets.Select(t => t.Text));
    }

    [Fact]
    public async Task A_subscriber_whose_call_fails_is_dropped_and_a_failing_subscriber_never_fails_a_post()
    {
        var user = await cluster.RegisterAsync("obFailing");
        var failing = new RecordingObserver { Fail = true };
        await user.SubscribeAsync(cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(failing));
        var healthy = new RecordingObserver();
        await user.SubscribeAsync(cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(healthy));

        await user.PostAsync("one", null);
        await healthy.WaitForAsync(1);
        await Eventually.WaitAsync(() => failing.Calls == 1, "the failing observer to be called once");

        // The grain drops the subscriber when the failure comes back to it, a moment after the
        // call; a post made meanwhile may still reach it. Within a few posts it is reached no more.
        var posts = 1;
        await Eventually.WaitAsync(
            async () =>
            {
                var calls = failing.Calls;
                await user.PostAsync($"tick {posts++}", null);
                await healthy.WaitForAsync(posts);
                return failing.Calls == calls;
            },
            "a post that no longer reaches the failing observer");
        var dropped = failing.Calls;
        for (var i = 0; i < 3; i++)
        {
            await user.PostAsync($"after {i}", null);
        }

        await healthy.WaitForAsync(posts + 3);
        Assert.Equal(dropped, failing.Calls);
    }

    [Fact]
    public async Task A_deleted_reference_is_dropped_without_failing_the_post()
    {
        var user = await cluster.RegisterAsync("obDeleted");
        var gone = cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(new RecordingObserver());
        await user.SubscribeAsync(gone);
        cluster.Grains.DeleteObjectReference<IHomeTimelineObserver>(gone);

        var tweet = await user.PostAsync("nobody listens", null);

        Assert.Equal(tweet, (await user.GetHomeTimelineAsync(1, null)).Items.Single());
    }

    [Fact]
    public async Task A_user_keeps_at_most_the_newest_subscribers()
    {
        var user = await cluster.RegisterAsync("obMany");
        var recorders = Enumerable.Range(0, TimelineLimits.MaxTimelineObservers + 1).Select(_ => new RecordingObserver()).ToList();
        foreach (var recorder in recorders)
        {
            await user.SubscribeAsync(cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder));
        }

        await user.PostAsync("to the newest", null);

        await recorders[^1].WaitForAsync(1);
        await Task.WhenAll(recorders.Skip(1).Select(r => r.WaitForAsync(1)));
        Assert.Equal(0, recorders[0].Calls);
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_user_fails_and_unsubscribing_does_not()
    {
        var nobody = cluster.User("obNobody");
        var reference = cluster.Grains.CreateObjectReference<IHomeTimelineObserver>(new RecordingObserver());

        await Assert.ThrowsAsync<UnknownUserException>(() => nobody.SubscribeAsync(reference));
        await nobody.UnsubscribeAsync(reference);
    }

    private sealed class RecordingObserver : IHomeTimelineObserver
    {
        private readonly ConcurrentQueue<Tweet> _tweets = new();
        private int _calls;

        public bool Fail { get; init; }

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyList<Tweet> Tweets => [.. _tweets];

        public Task OnTweetAsync(Tweet tweet)
        {
            Interlocked.Increment(ref _calls);
            if (Fail)
            {
                throw new InvalidOperationException("This observer always fails.");
            }

            _tweets.Enqueue(tweet);
            return Task.CompletedTask;
        }

        public Task WaitForAsync(int count) =>
            Eventually.WaitAsync(() => _tweets.Count >= count, $"{count} tweets at the observer");
    }
}
