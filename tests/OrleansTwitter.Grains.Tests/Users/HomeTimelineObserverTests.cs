using System.Collections.Concurrent;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>Live subscribers of a home timeline (what the web tier's event stream uses).</summary>
public sealed class HomeTimelineObserverTests
{
    [Fact]
    public async Task A_subscriber_gets_the_users_own_posts_and_the_tweets_delivered_from_followees()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var reader = await silo.RegisterAsync("obReader");
        var author = await silo.RegisterAsync("obAuthor");
        await reader.FollowAsync("obAuthor");
        var recorder = new RecordingObserver();
        await reader.SubscribeAsync(silo.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder));

        var theirs = await author.PostAsync("from the author", null);
        var mine = await reader.PostAsync("from the reader", null);

        await recorder.WaitForAsync(2);
        Assert.Equal([theirs.Id, mine.Id], recorder.Tweets.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task Subscribing_twice_delivers_once_and_unsubscribing_stops_the_pushes()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("obOnce");
        var recorder = new RecordingObserver();
        var reference = silo.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder);
        await user.SubscribeAsync(reference);
        await user.SubscribeAsync(reference);

        await user.PostAsync("first", null);
        await recorder.WaitForAsync(1);
        await user.UnsubscribeAsync(reference);
        await user.UnsubscribeAsync(reference);
        var probe = new RecordingObserver();
        await user.SubscribeAsync(silo.Grains.CreateObjectReference<IHomeTimelineObserver>(probe));
        await user.PostAsync("second", null);
        await probe.WaitForAsync(1);

        Assert.Equal(["first"], recorder.Tweets.Select(t => t.Text));
    }

    [Fact]
    public async Task A_subscriber_whose_call_fails_is_dropped_and_a_failing_subscriber_never_fails_a_post()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("obFailing");
        var failing = new RecordingObserver { Fail = true };
        await user.SubscribeAsync(silo.Grains.CreateObjectReference<IHomeTimelineObserver>(failing));
        var healthy = new RecordingObserver();
        await user.SubscribeAsync(silo.Grains.CreateObjectReference<IHomeTimelineObserver>(healthy));

        await user.PostAsync("one", null);
        await healthy.WaitForAsync(1);
        await Eventually.WaitAsync(() => failing.Calls == 1, TimelineSilo.Wait, "the failing observer to be called once");
        await user.PostAsync("two", null);
        await healthy.WaitForAsync(2);

        Assert.Equal(1, failing.Calls);
    }

    [Fact]
    public async Task A_deleted_reference_is_dropped_without_failing_the_post()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("obDeleted");
        var gone = silo.Grains.CreateObjectReference<IHomeTimelineObserver>(new RecordingObserver());
        await user.SubscribeAsync(gone);
        silo.Grains.DeleteObjectReference<IHomeTimelineObserver>(gone);

        var tweet = await user.PostAsync("nobody listens", null);

        Assert.Equal(tweet, (await user.GetHomeTimelineAsync(1, null)).Items.Single());
    }

    [Fact]
    public async Task A_user_keeps_at_most_the_newest_subscribers()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("obMany");
        var recorders = Enumerable.Range(0, TimelineLimits.MaxTimelineObservers + 1).Select(_ => new RecordingObserver()).ToList();
        foreach (var recorder in recorders)
        {
            await user.SubscribeAsync(silo.Grains.CreateObjectReference<IHomeTimelineObserver>(recorder));
        }

        await user.PostAsync("to the newest", null);

        await recorders[^1].WaitForAsync(1);
        await Task.WhenAll(recorders.Skip(1).Select(r => r.WaitForAsync(1)));
        Assert.Equal(0, recorders[0].Calls);
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_user_fails_and_unsubscribing_does_not()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var nobody = silo.User("obNobody");
        var reference = silo.Grains.CreateObjectReference<IHomeTimelineObserver>(new RecordingObserver());

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
            Eventually.WaitAsync(() => _tweets.Count >= count, TimelineSilo.Wait, $"{count} tweets at the observer");
    }
}
