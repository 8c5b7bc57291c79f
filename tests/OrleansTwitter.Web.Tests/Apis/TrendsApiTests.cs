using System.Text.Json;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>GET /api/trends</c>, on a web app of its own so that only these tests' hashtags count.</summary>
public sealed class TrendsApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task Trends_count_tweets_not_occurrences_lower_cased_most_used_first_ties_by_tag_top_10_over_an_hour()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("Tr")));

        // #t00 in 1 tweet, ..., #t10 in 11; #t09 and #tie both in 10, so the tie is ordered by tag.
        for (var k = 0; k <= 10; k++)
        {
            for (var n = 0; n <= k; n++)
            {
                await PostTweetOkAsync(me, n == 0 ? $"#T{k:00} twice #t{k:00}" : $"#t{k:00}");
            }
        }

        for (var n = 0; n < 10; n++)
        {
            await PostTweetOkAsync(me, "#Tie");
        }

        (string Tag, long Count)[] expected =
        [
            ("#t10", 11), ("#t09", 10), ("#tie", 10), ("#t08", 9), ("#t07", 8), ("#t06", 7), ("#t05", 6), ("#t04", 5), ("#t03", 4), ("#t02", 3),
        ];

        // A tweet counts within 5 s of its 201.
        var trends = await Eventually.WaitForAsync(
            () => GetJsonAsync(app.CreateClient(), "/api/trends"),
            t => Items(t).SequenceEqual(expected),
            Waits.Timeout,
            "the trends to rank the posted hashtags");

        Assert.Equal(["items", "windowSeconds"], PropertyNames(trends));
        Assert.Equal(["count", "tag"], PropertyNames(trends.GetProperty("items")[0]));
        Assert.Equal(3600, trends.GetProperty("windowSeconds").GetInt32());
    }

    [Fact]
    public async Task The_window_is_the_Search_TrendWindow_option_and_trends_start_empty()
    {
        await using var configured = WebApp.With(new Dictionary<string, string?> { ["Search:TrendWindow"] = "00:30:00" });
        using var client = configured.CreateClient();

        var trends = await GetJsonAsync(client, "/api/trends");

        Assert.Equal(1800, trends.GetProperty("windowSeconds").GetInt32());
        Assert.Empty(Items(trends));
    }

    private static (string Tag, long Count)[] Items(JsonElement trends) =>
        [.. trends.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("tag").GetString()!, i.GetProperty("count").GetInt64()))];
}
