using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Users;

[Collection(SharedCluster.Name)]
public sealed class FollowTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task Following_merges_the_followees_recent_tweets_and_unfollowing_removes_them()
    {
        var reader = await cluster.RegisterAsync("fReader");
        var author = await cluster.RegisterAsync("fAuthor");
        var other = await cluster.RegisterAsync("fOther");
        var witness = await cluster.RegisterAsync("fWitness");
        await reader.FollowAsync("fOther");
        await witness.FollowAsync("fAuthor");
        var before1 = await author.PostAsync("before the follow 1", null);
        var before2 = await author.PostAsync("before the follow 2", null);
        var fromOther = await other.PostAsync("from other", null);
        var own = await reader.PostAsync("my own", null);
        await TimelineClusterFixture.WaitForHomeAsync(reader, TimelineClusterFixture.NewestFirst(own, fromOther));

        await reader.FollowAsync("FAUTHOR");
        Assert.Equal(TimelineClusterFixture.NewestFirst(own, fromOther, before2, before1), await TimelineClusterFixture.HomeTextsAsync(reader));

        var after = await author.PostAsync("after the follow", null);
        await TimelineClusterFixture.WaitForHomeAsync(reader, TimelineClusterFixture.NewestFirst(after, own, fromOther, before2, before1));

        await reader.UnfollowAsync("fauthor");
        Assert.Equal(TimelineClusterFixture.NewestFirst(own, fromOther), await TimelineClusterFixture.HomeTextsAsync(reader));
        await author.PostAsync("after the unfollow", null);

        // One author's events are fanned out in order, each to every follower before the next:
        // once the witness has a later post, the fan-out of "after the unfollow" is over.
        await author.PostAsync("barrier", null);
        await Eventually.WaitAsync(async () => (await TimelineClusterFixture.HomeTextsAsync(witness, 1)).SequenceEqual(["barrier"]), "the witness to have the author's last post");
        Assert.Equal(TimelineClusterFixture.NewestFirst(own, fromOther), await TimelineClusterFixture.HomeTextsAsync(reader));
    }

    [Fact]
    public async Task Follow_and_unfollow_are_idempotent_on_both_sides()
    {
        var fan = await cluster.RegisterAsync("fIdemFan");
        var star = await cluster.RegisterAsync("fIdemStar");

        await fan.FollowAsync("fIdemStar");
        await fan.FollowAsync("fidemstar");
        Assert.Equal(1, (await star.GetProfileAsync()).Followers);
        Assert.Equal(1, (await fan.GetProfileAsync()).Following);
        Assert.Equal(["fIdemStar"], (await fan.GetFollowingAsync(null, 10)).Items);
        Assert.Equal(["fIdemFan"], (await star.GetFollowersAsync(null, 10)).Items);

        await fan.UnfollowAsync("fIdemStar");
        await fan.UnfollowAsync("fIdemStar");
        Assert.Equal(0, (await star.GetProfileAsync()).Followers);
        Assert.Equal(0, (await fan.GetProfileAsync()).Following);
        Assert.Empty((await star.GetFollowersAsync(null, 10)).Items);

        await fan.FollowAsync("fIdemStar");
        Assert.Equal(1, (await star.GetProfileAsync()).Followers);
    }

    [Fact]
    public async Task Following_yourself_is_rejected()
    {
        var narcissus = await cluster.RegisterAsync("fSelf");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => narcissus.FollowAsync("FSELF"));

        Assert.Contains("itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await narcissus.GetProfileAsync()).Followers);
    }

    [Fact]
    public async Task Following_or_unfollowing_an_unknown_user_throws_UnknownUserException_and_a_bad_handle_ArgumentException()
    {
        var user = await cluster.RegisterAsync("fLonely");

        var follow = await Assert.ThrowsAsync<UnknownUserException>(() => user.FollowAsync("fNobody"));
        var unfollow = await Assert.ThrowsAsync<UnknownUserException>(() => user.UnfollowAsync("fNobody"));
        await Assert.ThrowsAsync<ArgumentException>(() => user.FollowAsync("not a handle"));

        Assert.Contains("fnobody", follow.Message, StringComparison.Ordinal);
        Assert.Contains("fnobody", unfollow.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await user.GetProfileAsync()).Following);
    }

    [Fact]
    public async Task Follow_lists_page_with_cursors_in_key_order()
    {
        var star = await cluster.RegisterAsync("fListStar");
        var fans = await cluster.RegisterManyAsync("fListFan", 25);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("fListStar")));
        foreach (var handle in new[] { "fListB", "fListA", "fListC" })
        {
            await cluster.RegisterAsync(handle);
            await fans[0].FollowAsync(handle);
        }

        var followers = new List<string>();
        string? cursor = null;
        do
        {
            var page = await star.GetFollowersAsync(cursor, 10);
            followers.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"fListFan{i}").Order(StringComparer.OrdinalIgnoreCase), followers);
        var following = await fans[0].GetFollowingAsync(null, 2);
        Assert.Equal(["fListA", "fListB"], following.Items);
        Assert.Equal(["fListC", "fListStar"], (await fans[0].GetFollowingAsync(following.Next, 10)).Items);
        await Assert.ThrowsAsync<ArgumentException>(() => star.GetFollowersAsync("garbage", 10));
        await Assert.ThrowsAsync<ArgumentException>(() => star.GetFollowingAsync("no way", 10));
    }

    [Fact]
    public async Task Users_following_each_other_at_the_same_moment_do_not_wait_for_each_other()
    {
        var left = await cluster.RegisterManyAsync("fMutL", 20);
        var right = await cluster.RegisterManyAsync("fMutR", 20);

        await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            left[i].FollowAsync($"fMutR{i}"),
            right[i].FollowAsync($"fMutL{i}"),
        })).WaitAsync(Eventually.DefaultTimeout);

        foreach (var user in left.Concat(right))
        {
            var profile = await user.GetProfileAsync();
            Assert.Equal((1, 1), (profile.Followers, profile.Following));
        }
    }
}
