using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>Tweets: post, get by id, a user's tweets.</summary>
public sealed class TweetsApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task A_post_is_201_with_the_tweet_and_its_location()
    {
        var handle = Handles.Next("Po");
        using var me = app.CreateClient(await NewUserAsync(app, handle));
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await PostTweetAsync(me, "  hello, world \n");

        await ExpectAsync(HttpStatusCode.Created, response);
        var tweet = await JsonAsync(response);
        Assert.Equal(["author", "createdAt", "id", "text"], PropertyNames(tweet));
        Assert.Equal(JsonValueKind.String, tweet.GetProperty("id").ValueKind);
        var id = tweet.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9]+$", id);
        Assert.Equal($"/api/tweets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(handle, tweet.GetProperty("author").GetString());
        Assert.Equal("hello, world", tweet.GetProperty("text").GetString());
        var createdAt = tweet.GetProperty("createdAt").GetString()!;
        Assert.EndsWith("Z", createdAt, StringComparison.Ordinal);
        var instant = DateTime.Parse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(instant, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Ids_grow_with_time_so_a_larger_id_is_newer()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("ig")));

        var first = (await PostTweetOkAsync(me, "first")).GetProperty("id").GetString()!;
        var second = (await PostTweetOkAsync(me, "second")).GetProperty("id").GetString()!;

        Assert.True(long.Parse(second, CultureInfo.InvariantCulture) > long.Parse(first, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task Text_empty_after_trimming_is_400(string? text)
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("em")));

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await PostTweetAsync(me, text!));
    }

    [Fact]
    public async Task Text_is_at_most_280_text_elements_counted_as_readers_count_them()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("te")));
        const string thumbsUpWithSkinTone = "\U0001F44D\U0001F3FD";

        await ExpectAsync(HttpStatusCode.Created, await PostTweetAsync(me, new string('a', 280)));
        await ExpectAsync(HttpStatusCode.Created, await PostTweetAsync(me, string.Concat(Enumerable.Repeat(thumbsUpWithSkinTone, 280))));
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await PostTweetAsync(me, new string('a', 281)));
        Assert.Contains("280", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_a_token_is_401()
    {
        using var anonymous = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await PostTweetAsync(anonymous, "who am I"));
    }

    [Fact]
    public async Task A_repeated_post_with_the_same_idempotency_key_returns_the_first_tweet_without_a_duplicate()
    {
        var handle = Handles.Next("id");
        using var me = app.CreateClient(await NewUserAsync(app, handle));
        using var other = app.CreateClient(await NewUserAsync(app, Handles.Next("io")));

        var first = await JsonAsync(await PostTweetAsync(me, "once", "key-1"));
        var again = await PostTweetAsync(me, "once", "key-1");
        var someoneElses = await JsonAsync(await PostTweetAsync(other, "once", "key-1"));

        await ExpectAsync(HttpStatusCode.Created, again);
        Assert.Equal(first.GetProperty("id").GetString(), (await JsonAsync(again)).GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), someoneElses.GetProperty("id").GetString());
        Assert.Equal(1, (await GetJsonAsync(me, $"/api/users/{handle}")).GetProperty("tweets").GetInt64());
        Assert.Single(Texts(await GetJsonAsync(me, $"/api/users/{handle}/tweets")));
    }

    [Fact]
    public async Task An_idempotency_key_over_128_characters_is_400()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("ik")));

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await PostTweetAsync(me, "text", new string('k', 129)));
    }

    [Fact]
    public async Task A_tweet_is_found_by_id_and_an_unknown_id_is_404_and_a_non_number_400()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("gi")));
        var posted = await PostTweetOkAsync(me, "find me");
        using var anonymous = app.CreateClient();

        var found = await GetJsonAsync(anonymous, $"/api/tweets/{posted.GetProperty("id").GetString()}");

        Assert.Equal(posted.ToString(), found.ToString());
        await ExpectProblemAsync(HttpStatusCode.NotFound, await anonymous.GetAsync("/api/tweets/12345"));
        foreach (var id in new[] { "abc", "-1", "1.5", "0x10", "99999999999999999999", new string('9', 300) })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await anonymous.GetAsync($"/api/tweets/{id}"));
        }
    }

    [Fact]
    public async Task A_users_tweets_page_newest_first_with_limit_and_before_until_next_is_null()
    {
        var handle = Handles.Next("ut");
        using var me = app.CreateClient(await NewUserAsync(app, handle));
        for (var i = 0; i < 5; i++)
        {
            await PostTweetOkAsync(me, $"t{i}");
        }

        using var anonymous = app.CreateClient();
        var first = await GetJsonAsync(anonymous, $"/api/users/{handle.ToUpperInvariant()}/tweets?limit=2");
        var second = await GetJsonAsync(anonymous, $"/api/users/{handle}/tweets?limit=2&before={first.GetProperty("next").GetString()}");
        var third = await GetJsonAsync(anonymous, $"/api/users/{handle}/tweets?limit=2&before={second.GetProperty("next").GetString()}");
        var all = await GetJsonAsync(anonymous, $"/api/users/{handle}/tweets");

        Assert.Equal(["items", "next"], PropertyNames(first));
        Assert.Equal(["t4", "t3"], Texts(first));
        Assert.Equal(["t2", "t1"], Texts(second));
        Assert.Equal(["t0"], Texts(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        Assert.Equal(["t4", "t3", "t2", "t1", "t0"], Texts(all));
    }

    [Fact]
    public async Task A_users_tweets_of_an_unknown_user_are_404_and_bad_paging_values_are_400()
    {
        var handle = Handles.Next("ub");
        await NewUserAsync(app, handle);
        using var anonymous = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.NotFound, await anonymous.GetAsync("/api/users/nobodyhasthis4/tweets"));
        foreach (var query in new[] { "limit=0", "limit=101", "limit=abc", "limit=2147483648", "before=abc", "before=-5", "before=99999999999999999999" })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await anonymous.GetAsync($"/api/users/{handle}/tweets?{query}"));
        }
    }
}
