using System.Net;
using System.Text.Json;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>GET /api/search</c>: terms, AND, paging, and every error of the contract.</summary>
public sealed class SearchApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task Search_matches_every_term_ignoring_case_and_surrounding_punctuation_newest_first()
    {
        var handle = Handles.Next("Sm");
        using var me = app.CreateClient(await NewUserAsync(app, handle));
        var tagged = await PostTweetOkAsync(me, "Quokkas! love #Sunshine, really");
        await PostTweetOkAsync(me, "a quokka, singular");
        await PostTweetOkAsync(me, "(quokkas) and sunshine");

        // Indexing is asynchronous: a tweet is searchable within 2 s of its 201.
        var page = await Eventually.WaitForAsync(
            () => GetJsonAsync(me, "/api/search?q=QUOKKAS"),
            p => p.GetProperty("items").GetArrayLength() == 2,
            Waits.Timeout,
            "a search for 'QUOKKAS' to find both tweets");

        Assert.Equal(["items", "next"], PropertyNames(page));
        Assert.Equal(["(quokkas) and sunshine", "Quokkas! love #Sunshine, really"], Texts(page));
        var first = page.GetProperty("items")[1];
        Assert.Equal(["author", "createdAt", "id", "text"], PropertyNames(first));
        Assert.Equal((tagged.GetProperty("id").GetString(), handle), (first.GetProperty("id").GetString(), first.GetProperty("author").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);

        Assert.Equal(["Quokkas! love #Sunshine, really"], Texts(await GetJsonAsync(me, "/api/search?q=%23sunshine")));
        Assert.Equal(["(quokkas) and sunshine", "Quokkas! love #Sunshine, really"], Texts(await GetJsonAsync(me, "/api/search?q=sunshine quokkas!")));
        Assert.Equal(["Quokkas! love #Sunshine, really"], Texts(await GetJsonAsync(me, "/api/search?q=%23SUNSHINE%20love%20quokkas")));
        Assert.Empty(Texts(await GetJsonAsync(me, "/api/search?q=quokka sunshine")));
    }

    [Fact]
    public async Task Pages_are_20_by_default_and_follow_next_with_no_repeat_or_gap_until_next_is_null()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("Sp")));
        var word = "pg" + Guid.NewGuid().ToString("N")[..10];
        var ids = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            ids.Insert(0, (await PostTweetOkAsync(me, $"{word} number {i}")).GetProperty("id").GetString()!);
        }

        await Eventually.WaitForAsync(
            () => GetJsonAsync(me, $"/api/search?q={word}&limit=100"),
            p => p.GetProperty("items").GetArrayLength() == 45,
            Waits.Timeout,
            $"all 45 tweets with '{word}' to be searchable");

        var first = await GetJsonAsync(me, $"/api/search?q={word}");
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        var seen = new List<string>();
        string? before = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await GetJsonAsync(me, $"/api/search?q={word}&limit=13" + (before is null ? string.Empty : $"&before={before}"));
            var items = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
            seen.AddRange(items);
            before = page.GetProperty("next").GetString();
            if (before is null)
            {
                break;
            }

            Assert.Equal(items[^1], before);
        }

        Assert.Equal(ids, seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20%09")]
    [InlineData("q=a%20b%20c%20d%20e%20f%20g%20h%20i")]
    [InlineData("q=orleans&limit=0")]
    [InlineData("q=orleans&limit=101")]
    [InlineData("q=orleans&limit=x")]
    [InlineData("q=orleans&before=x")]
    [InlineData("q=orleans&before=-1")]
    [InlineData("q=orleans&before=99999999999999999999")]
    public async Task A_missing_or_empty_query_more_than_8_terms_or_bad_paging_is_400(string query)
    {
        using var client = app.CreateClient();

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/search?{query}"));

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_query_of_101_characters_is_400_and_one_of_100_is_200()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/search?q={new string('x', 101)}"));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/search?q={new string('x', 5000)}"));
        await ExpectAsync(HttpStatusCode.OK, await client.GetAsync($"/api/search?q={new string('x', 100)}"));
    }

    [Theory]
    [InlineData("%21%21%21")]
    [InlineData("%23")]
    [InlineData("%23%23%23")]
    [InlineData("%23foo-bar")]
    [InlineData("%23%C3%A9t%C3%A9")]
    [InlineData("%F0%9F%8E%89")]
    [InlineData("%ED%A0%80")]
    [InlineData("%00")]
    [InlineData("%E2%80%8B")]
    [InlineData("%D8%A7%D9%84%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9")]
    [InlineData("a%0Ab%0Dc")]
    [InlineData("x&q=y")]
    public async Task Odd_queries_get_a_page_never_a_500(string q)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/search?q={q}");

        await ExpectAsync(HttpStatusCode.OK, response);
        Assert.Equal(JsonValueKind.Array, (await JsonAsync(response)).GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task A_query_of_punctuation_only_terms_is_an_empty_page_and_such_terms_are_ignored_beside_others()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("Su")));
        var word = "pu" + Guid.NewGuid().ToString("N")[..10];
        await PostTweetOkAsync(me, $"{word}!");
        await Eventually.WaitForAsync(
            () => GetJsonAsync(me, $"/api/search?q={word}"),
            p => p.GetProperty("items").GetArrayLength() == 1,
            Waits.Timeout,
            $"the tweet with '{word}' to be searchable");

        Assert.Equal([$"{word}!"], Texts(await GetJsonAsync(me, $"/api/search?q=%21%21 {word} %23 --")));
        var empty = await GetJsonAsync(me, "/api/search?q=%21%21 %23 --");
        Assert.Empty(Texts(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("next").ValueKind);
    }
}
