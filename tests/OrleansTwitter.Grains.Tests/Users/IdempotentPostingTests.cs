using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Tweets;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// A post's idempotency key is stored with its tweet, in the user timeline's one write, so that a
/// retry finds the key exactly when the first attempt stored the tweet; keys that an earlier
/// build recorded in the profile are still honoured.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class IdempotentPostingTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task The_key_is_stored_with_the_tweet_in_the_user_timeline_and_not_written_to_the_profile()
    {
        var user = await cluster.RegisterAsync("idemStore");

        var tweet = await user.PostAsync("stored once", "key-stored");

        var tweets = await cluster.ReadRawStateAsync("usertweets", "idemstore", UserTweetsState.Name);
        var keys = tweets!.Value.GetProperty(nameof(UserTweetsState.PostKeys));
        Assert.Equal(1, keys.GetArrayLength());
        Assert.Equal("key-stored", keys[0].GetProperty(nameof(PostKey.Key)).GetString());
        Assert.Equal(tweet.Id.ToString(), keys[0].GetProperty(nameof(PostKey.Id)).GetString());
        var profile = await cluster.ReadRawStateAsync(UserGrain.GrainTypeName, "idemstore", ProfileState.Name);
        Assert.Equal(0, profile!.Value.GetProperty(nameof(ProfileState.PostKeys)).GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_post_all_get_its_one_tweet()
    {
        var user = await cluster.RegisterAsync("idemConcurrent");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => user.PostAsync("only one", "key-concurrent")));

        Assert.Single(attempts.Select(t => t.Id).Distinct());
        Assert.Equal([attempts[0]], (await user.GetTweetsAsync(10, null)).Items);
        Assert.Equal([attempts[0]], (await user.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task A_retry_finds_its_key_after_the_author_is_deactivated_and_after_later_posts_filled_stored_pages()
    {
        var user = await cluster.RegisterAsync("idemPages");
        var first = await user.PostAsync("the first", "key-first");
        for (var i = 0; i < UserTweetsGrain.PageSize * 2; i++)
        {
            await user.PostAsync($"later {i}", $"key-later-{i}");
        }

        await cluster.DeactivateAsync(user, cluster.Grains.GetGrain<IUserTweetsGrain>("idempages"));
        var again = await user.PostAsync("the first", "key-first");

        Assert.Equal(first, again);
        Assert.Equal(UserTweetsGrain.PageSize * 2 + 1, (await user.GetProfileAsync()).Tweets);
    }

    [Fact]
    public async Task A_key_an_earlier_build_recorded_in_the_profile_still_returns_its_tweet()
    {
        var user = await cluster.RegisterAsync("idemLegacy");
        var earlier = await user.PostAsync("posted by the old build", null);
        await cluster.DeactivateAsync(user);
        var profile = new GrainState<ProfileState>(new ProfileState());
        var profileId = GrainId.Create(UserGrain.GrainTypeName, "idemlegacy");
        await cluster.Storage.ReadStateAsync(ProfileState.Name, profileId, profile);
        Assert.True(profile.RecordExists, "the registered user's profile should be stored");
        profile.State!.PostKeys.Add(new PostKey("key-legacy", earlier.Id));
        await cluster.Storage.WriteStateAsync(ProfileState.Name, profileId, profile);

        var again = await user.PostAsync("posted by the old build", "key-legacy");

        Assert.Equal(earlier, again);
        Assert.Equal([earlier], (await user.GetTweetsAsync(10, null)).Items);
    }
}
