using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Users;

public sealed class FollowTests
{
    [Fact]
    public async Task Following_merges_the_followees_recent_tweets_and_unfollowing_removes_them()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var reader = await silo.RegisterAsync("fReader");
        var author = await silo.RegisterAsync("fAuthor");
        var other = await silo.RegisterAsync("fOther");
        await reader.FollowAsync("fOther");
        await author.PostAsync("before the follow 1", null);
        await author.PostAsync("before the follow 2", null);
        await other.PostAsync("from other", null);
        await reader.PostAsync("my own", null);

        await reader.FollowAsync("FAUTHOR");
        Assert.Equal(["my own", "from other", "before the follow 2", "before the follow 1"], await TimelineSilo.HomeTextsAsync(reader));

        await author.PostAsync("after the follow", null);
        Assert.Equal("after the follow", (await TimelineSilo.HomeTextsAsync(reader))[0]);

        await reader.UnfollowAsync("fauthor");
        Assert.Equal(["my own", "from other"], await TimelineSilo.HomeTextsAsync(reader));
        await author.PostAsync("after the unfollow", null);
        Assert.Equal(["my own", "from other"], await TimelineSilo.HomeTextsAsync(reader));
    }

    [Fact]
    public async Task Follow_and_unfollow_are_idempotent_on_both_sides()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var fan = await silo.RegisterAsync("fIdemFan");
        var star = await silo.RegisterAsync("fIdemStar");

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
        await using var silo = await TimelineSilo.StartAsync();
        var narcissus = await silo.RegisterAsync("fSelf");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => narcissus.FollowAsync("FSELF"));

        Assert.Contains("itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await narcissus.GetProfileAsync()).Followers);
    }

    [Fact]
    public async Task Following_or_unfollowing_an_unknown_user_throws_UnknownUserException_and_a_bad_handle_ArgumentException()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("fLonely");

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
        await using var silo = await TimelineSilo.StartAsync();
        var star = await silo.RegisterAsync("fListStar");
        var fans = await silo.RegisterManyAsync("fListFan", 25);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("fListStar")));
        foreach (var handle in new[] { "fListB", "fListA", "fListC" })
        {
            await silo.RegisterAsync(handle);
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
        await using var silo = await TimelineSilo.StartAsync();
        var left = await silo.RegisterManyAsync("fMutL", 20);
        var right = await silo.RegisterManyAsync("fMutR", 20);

        await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            left[i].FollowAsync($"fMutR{i}"),
            right[i].FollowAsync($"fMutL{i}"),
        })).WaitAsync(TimelineSilo.Wait);

        foreach (var user in left.Concat(right))
        {
            var profile = await user.GetProfileAsync();
            Assert.Equal((1, 1), (profile.Followers, profile.Following));
        }
    }
}
