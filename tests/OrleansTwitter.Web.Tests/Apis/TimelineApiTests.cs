using System.Net;
using System.Text.Json;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>GET /api/timeline</c>: the home timeline.</summary>
public sealed class TimelineApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task The_home_timeline_holds_own_tweets_and_those_of_followees_newest_first_and_unfollowed_ones_leave()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("hm")));
        var followeeHandle = Handles.Next("hf");
        using var followee = app.CreateClient(await NewUserAsync(app, followeeHandle));
        using var stranger = app.CreateClient(await NewUserAsync(app, Handles.Next("hs")));
        await PostTweetOkAsync(followee, "before the follow");
        await FollowAsync(me, followeeHandle);

        await PostTweetOkAsync(me, "mine");
        await PostTweetOkAsync(followee, "after the follow");
        await PostTweetOkAsync(stranger, "not followed");

        // Fan-out is asynchronous: a follower sees a post shortly after its 201 (within 1 s).
        string[] expected = ["after the follow", "mine", "before the follow"];
        await Eventually.WaitForAsync(
            async () => Texts(await GetJsonAsync(me, "/api/timeline")),
            texts => texts.SequenceEqual(expected),
            Waits.Timeout,
            $"the home timeline to be [{string.Join(", ", expected)}]");
        await ExpectAsync(HttpStatusCode.NoContent, await me.DeleteAsync($"/api/users/me/following/{followeeHandle}"));
        Assert.Equal(["mine"], Texts(await GetJsonAsync(me, "/api/timeline")));
    }

    [Fact]
    public async Task The_page_is_20_by_default_and_pages_with_before_until_next_is_null()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("pg")));
        for (var i = 0; i < 25; i++)
        {
            await PostTweetOkAsync(me, $"n{i}");
        }

        var first = await GetJsonAsync(me, "/api/timeline");
        var second = await GetJsonAsync(me, $"/api/timeline?limit=100&before={first.GetProperty("next").GetString()}");

        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal("n24", Texts(first)[0]);
        Assert.Equal(["n4", "n3", "n2", "n1", "n0"], Texts(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task The_home_timeline_without_a_token_is_401_and_bad_paging_values_are_400()
    {
        using var anonymous = app.CreateClient();
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("tb")));

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/timeline"));
        foreach (var query in new[] { "limit=0", "limit=101", "limit=x", "before=x", "before=1.0" })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await me.GetAsync($"/api/timeline?{query}"));
        }
    }
}
