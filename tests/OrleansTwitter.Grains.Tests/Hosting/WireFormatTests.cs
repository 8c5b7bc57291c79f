using System.Collections.Immutable;
using System.Text.Json;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Tweets;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Hosting;

/// <summary>
/// Inside a silo, arguments and results pass by reference; between silos the runtime writes
/// them as JSON (web defaults). Every message type of the timeline must survive that.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Web), Web)!;

    [Fact]
    public void Grain_arguments_and_results_round_trip_through_JSON()
    {
        var tweet = TestTweets.Make(123_456_789_012, "Ada");

        Assert.Equal(tweet, RoundTrip(tweet));
        Assert.Equal([tweet], RoundTrip(new TimelinePage([tweet], tweet.Id)).Items);
        Assert.Equal(tweet.Id, RoundTrip(new TimelinePage([tweet], tweet.Id)).Next);
        Assert.Equal(["a", "b"], RoundTrip(new HandlePage(["a", "b"], "1.b")).Items);
        Assert.Equal(new UserProfile("Ada", "Ada L.", 3, 2, 1, true, TweetId.Epoch), RoundTrip(new UserProfile("Ada", "Ada L.", 3, 2, 1, true, TweetId.Epoch)));
        Assert.Equal(new AccountCredentials("Ada", "hash"), RoundTrip(new AccountCredentials("Ada", "hash")));
        Assert.Equal(new FolloweeInfo("Ada", true, 7), RoundTrip(new FolloweeInfo("Ada", true, 7)));
        Assert.Equal([tweet], RoundTrip(new RecentTweets(true, [tweet])).Tweets.ToArray());
        Assert.Equal(tweet, RoundTrip(new TweetPosted(tweet, 3, 42)).Tweet);
        Assert.Equal(new FollowerOperation("Ada", 2, false), RoundTrip(ImmutableArray.Create(new FollowerOperation("Ada", 2, false)))[0]);
    }

    [Fact]
    public void Persisted_states_round_trip_through_JSON()
    {
        var following = new FollowingState
        {
            Accounts = { ["ada"] = new FollowedAccount { Handle = "Ada", Chunk = 4, Intent = FollowIntent.Unfollow, Celebrity = true } },
        };
        var followers = new FollowersState { Count = 9, OpenChunk = 1, Version = 5, InFlight = new FollowerBatch(5, [new FollowerOperation("Bob", 1, true)]) };

        var account = RoundTrip(following).Accounts["ada"];
        var batch = RoundTrip(followers).InFlight!;

        Assert.Equal(("Ada", 4, FollowIntent.Unfollow, true), (account.Handle, account.Chunk, account.Intent, account.Celebrity));
        Assert.Contains("\"unfollow\"", JsonSerializer.Serialize(following, Web), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((5L, new FollowerOperation("Bob", 1, true)), (batch.Version, batch.Operations.Single()));
    }
}
