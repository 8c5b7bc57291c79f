using System.Text.RegularExpressions;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>The search box and its results at /search?q=, with "load more"; a hashtag in a tweet leads to its search.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class SearchBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    // API.md: a tweet can be found within 2 s of its 201; a loaded machine gets more.
    private static readonly TimeSpan s_indexed = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_search_box_shows_matching_tweets_newest_first_and_pages_with_load_more()
    {
        var sam = await ApiUserAsync("srch_sam");
        for (var i = 0; i < 23; i++)
        {
            await sam.PostAsync($"srchneedle in a haystack, number {i}");
        }

        await sam.PostAsync("srchhaystack alone does not match");
        await WaitUntilFoundAsync(sam, "srchneedle", 23);

        var page = await OpenAsync("searcher", $"/u/{sam.Handle}");
        await page.GetByTestId("search-input").FillAsync("SrchNeedle haystack!");
        await page.GetByTestId("search-input").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=SrchNeedle%20haystack!$"));
        await Expect(page.GetByTestId("search-title")).ToHaveTextAsync("Results for “SrchNeedle haystack!”");
        var results = page.GetByTestId("search-timeline").Locator(".tweet");
        await Expect(results).ToHaveCountAsync(20);
        await Expect(results.First.Locator(".tweet-text")).ToHaveTextAsync("srchneedle in a haystack, number 22");
        await page.GetByTestId("search-more").ClickAsync();
        await Expect(results).ToHaveCountAsync(23);
        await Expect(results.Last.Locator(".tweet-text")).ToHaveTextAsync("srchneedle in a haystack, number 0");
        await Expect(page.GetByTestId("search-more")).ToBeHiddenAsync();

        // Nothing found says so; the browser's back button returns to the results.
        await page.GetByTestId("search-input").FillAsync("srchnothingatall");
        await page.GetByTestId("search-input").PressAsync("Enter");
        await Expect(page.GetByTestId("search-empty")).ToHaveTextAsync("No tweets match “srchnothingatall”.");
        await page.GoBackAsync();
        await Expect(results).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("search-input")).ToHaveValueAsync("SrchNeedle haystack!");
        AssertNoErrors(page);
    }

    [Fact]
    public async Task A_hashtag_in_a_tweet_opens_its_search()
    {
        const string handle = "srch_tina";
        var tina = await OpenAsync(handle);
        await SignUpAsync(tina, handle);
        await PostAsync(tina, "Tags are links: #SrchTopicOne and #srch_topic_two");
        var tinaApi = await ApiUserAsync(handle, exists: true);
        await WaitUntilFoundAsync(tinaApi, "#srchtopicone", 1);

        await tina.GetByTestId("home-timeline").Locator("a.hashtag", new() { HasText = "#SrchTopicOne" }).ClickAsync();
        await Expect(tina).ToHaveURLAsync(new Regex(@"/search\?q=%23SrchTopicOne$"));
        await Expect(tina.GetByTestId("search-input")).ToHaveValueAsync("#SrchTopicOne");
        var results = tina.GetByTestId("search-timeline").Locator(".tweet");
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.Locator(".author-handle")).ToHaveTextAsync($"@{handle}");
        AssertNoErrors(tina);
    }

    [Fact]
    public async Task A_query_the_api_refuses_is_explained_in_place()
    {
        var page = await OpenAsync("srch_refused", "/search?q=one%20two%20three%20four%20five%20six%20seven%20eight%20nine");
        await Expect(page.GetByTestId("search-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("search-timeline").Locator(".tweet")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("search-empty")).ToBeHiddenAsync();
        AssertOnlyFailedLoadsOf(page, "/api/search");
    }

    private static Task WaitUntilFoundAsync(ApiUser user, string q, int count) =>
        Eventually.WaitForAsync(
            () => user.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&limit=100"),
            page => page.GetProperty("items").GetArrayLength() >= count,
            s_indexed,
            $"{count} tweets found for '{q}'",
            Eventually.SlowPoll);
}
