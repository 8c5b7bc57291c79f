using System.Net;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>Users and the follow graph.</summary>
public sealed class UsersApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task A_user_is_200_with_exactly_handle_display_name_and_counts_and_is_found_without_regard_to_case()
    {
        var handle = Handles.Next("Pr");
        using var me = app.CreateClient(await NewUserAsync(app, handle));
        var followee = Handles.Next("pf");
        await NewUserAsync(app, followee);
        await FollowAsync(me, followee);
        await PostTweetOkAsync(me, "one");
        await PostTweetOkAsync(me, "two");

        var user = await GetJsonAsync(me, $"/api/users/{handle.ToLowerInvariant()}");

        Assert.Equal(["celebrity", "displayName", "followers", "following", "handle", "tweets"], PropertyNames(user));
        Assert.Equal(handle, user.GetProperty("handle").GetString());
        Assert.Equal(handle, user.GetProperty("displayName").GetString());
        Assert.Equal(0, user.GetProperty("followers").GetInt64());
        Assert.Equal(1, user.GetProperty("following").GetInt64());
        Assert.Equal(2, user.GetProperty("tweets").GetInt64());
        Assert.False(user.GetProperty("celebrity").GetBoolean());
        Assert.Equal(1, (await GetJsonAsync(me, $"/api/users/{followee}")).GetProperty("followers").GetInt64());
    }

    [Theory]
    [InlineData("nobodyhasthis1")]
    [InlineData("not-a-handle")]
    [InlineData("waytoolongforahandle")]
    public async Task An_unknown_user_is_404(string handle)
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.NotFound, await client.GetAsync($"/api/users/{handle}"));
    }

    [Fact]
    public async Task Follow_is_204_and_idempotent()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("fi")));
        var followee = Handles.Next("fe");
        await NewUserAsync(app, followee);

        await FollowAsync(me, followee);
        await FollowAsync(me, followee.ToUpperInvariant());

        Assert.Equal(1, (await GetJsonAsync(me, $"/api/users/{followee}")).GetProperty("followers").GetInt64());
    }

    [Fact]
    public async Task Following_yourself_is_400()
    {
        var handle = Handles.Next("se");
        using var me = app.CreateClient(await NewUserAsync(app, handle));

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await me.PutAsync($"/api/users/me/following/{handle.ToUpperInvariant()}", null));
    }

    [Fact]
    public async Task Following_or_unfollowing_without_a_token_is_401()
    {
        var followee = Handles.Next("nt");
        await NewUserAsync(app, followee);
        using var anonymous = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await anonymous.PutAsync($"/api/users/me/following/{followee}", null));
        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await anonymous.DeleteAsync($"/api/users/me/following/{followee}"));
    }

    [Theory]
    [InlineData("nobodyhasthis2")]
    [InlineData("not-a-handle")]
    public async Task Following_or_unfollowing_an_unknown_handle_is_404(string handle)
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("fu")));

        await ExpectProblemAsync(HttpStatusCode.NotFound, await me.PutAsync($"/api/users/me/following/{handle}", null));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await me.DeleteAsync($"/api/users/me/following/{handle}"));
    }

    [Fact]
    public async Task Unfollow_is_204_and_idempotent()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("ui")));
        var followee = Handles.Next("ue");
        await NewUserAsync(app, followee);
        await FollowAsync(me, followee);

        await ExpectAsync(HttpStatusCode.NoContent, await me.DeleteAsync($"/api/users/me/following/{followee}"));
        await ExpectAsync(HttpStatusCode.NoContent, await me.DeleteAsync($"/api/users/me/following/{followee}"));

        Assert.Equal(0, (await GetJsonAsync(me, $"/api/users/{followee}")).GetProperty("followers").GetInt64());
    }

    [Fact]
    public async Task Following_and_followers_lists_page_with_cursors_until_next_is_null()
    {
        var hub = Handles.Next("hub");
        using var hubClient = app.CreateClient(await NewUserAsync(app, hub));
        var others = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var other = Handles.Next($"l{i}");
            others.Add(other);
            using var otherClient = app.CreateClient(await NewUserAsync(app, other));
            await FollowAsync(hubClient, other);
            await FollowAsync(otherClient, hub);
        }

        foreach (var list in new[] { "following", "followers" })
        {
            var seen = new List<string>();
            string? cursor = null;
            for (var page = 0; page < 10; page++)
            {
                var body = await GetJsonAsync(hubClient, $"/api/users/{hub}/{list}?limit=2{(cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}")}");
                Assert.Equal(["items", "next"], PropertyNames(body));
                seen.AddRange(body.GetProperty("items").EnumerateArray().Select(h => h.GetString()!));
                cursor = body.GetProperty("next").GetString();
                if (cursor is null)
                {
                    break;
                }
            }

            Assert.Equal(others.Order(StringComparer.OrdinalIgnoreCase), seen.Order(StringComparer.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("following")]
    [InlineData("followers")]
    public async Task A_list_of_an_unknown_user_is_404_and_a_bad_limit_or_cursor_is_400(string list)
    {
        var handle = Handles.Next("lb");
        using var client = app.CreateClient(await NewUserAsync(app, handle));

        await ExpectProblemAsync(HttpStatusCode.NotFound, await client.GetAsync($"/api/users/nobodyhasthis3/{list}"));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await client.GetAsync($"/api/users/not-a-handle/{list}"));
        foreach (var limit in new[] { "0", "101", "-1", "abc", "1e3", "99999999999999999999" })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/users/{handle}/{list}?limit={limit}"));
        }

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/users/{handle}/{list}?cursor=not%20a%20cursor!"));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/users/{handle}/{list}?cursor={new string('c', 100)}"));
        Assert.Equal(0, (await GetJsonAsync(client, $"/api/users/{handle}/{list}?limit=&cursor=")).GetProperty("items").GetArrayLength());
    }
}
