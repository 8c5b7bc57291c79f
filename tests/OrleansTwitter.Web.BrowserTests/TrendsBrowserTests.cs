using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>
/// The trends panel on a web app of its own: the most used hashtags, most used first, each a
/// link to its search. The scene is the README's screenshot: a few people, tweets with
/// mentions and hashtags, the live home timeline and the trends.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TrendsBrowserTests(OwnWebApp app) : BrowserTest(app), IClassFixture<OwnWebApp>
{
    // API.md: a tweet counts in the trends within 5 s of its 201; a loaded machine gets more.
    private static readonly TimeSpan s_counted = TimeSpan.FromSeconds(20);

    /// <summary>Where the screenshot is saved: the test's output, and the README's image when asked for.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "home-timeline.png");

    [Fact]
    public async Task The_trends_panel_lists_the_most_used_hashtags_and_links_to_their_searches()
    {
        var ben = await ApiUserAsync("ben", "Ben Okafor");
        var chloe = await ApiUserAsync("chloe", "Chloé Martin");
        await ApiUserAsync("dmitri", "Dmitri Volkov");
        await ben.PostAsync("Reading DDIA chapter 1 again: fan-out on write versus join on read. #ddia #distributed");
        await chloe.PostAsync("Shipped per-silo fan-out today: one message per silo instead of one per follower. #orleans #dotnet");
        await ben.PostAsync("@chloe nice! What happens when a silo dies mid-delivery? #orleans");
        await chloe.PostAsync("@ben the stream event is delivered again and timelines drop what they already hold. #orleans #distributed");

        const string handle = "ana";
        var ana = await OpenAsync(handle);
        await SignUpAsync(ana, handle, "Ana Lima");
        foreach (var followee in new[] { "ben", "chloe" })
        {
            await ana.GetByTestId("follow-handle").FillAsync(followee);
            await ana.GetByTestId("follow-submit").ClickAsync();
            await Expect(ana.GetByTestId("follow-status")).ToHaveTextAsync($"You follow @{followee}.");
        }

        await PostAsync(ana, "Trying out OrleansTwitter: live timeline, search and trends. Say hi, @ben and @chloe! #hello");
        string[] expected = ["#orleans 3 tweets", "#distributed 2 tweets", "#ddia 1 tweet", "#dotnet 1 tweet", "#hello 1 tweet"];
        await Eventually.WaitForAsync(
            () => ben.GetAsync("/api/trends"),
            trends => trends.GetProperty("items").EnumerateArray().Select(Describe).SequenceEqual(expected),
            s_counted,
            $"the trends {string.Join(", ", expected)}",
            Eventually.SlowPoll);

        // A fresh load reads the trends now that every post counts.
        await ana.ReloadAsync();
        var trends = ana.GetByTestId("trend");
        await Expect(trends).ToHaveCountAsync(expected.Length);
        var shown = await trends.EvaluateAllAsync<string[]>("items => items.map(i => i.querySelector('.trend-tag').textContent + ' ' + i.querySelector('.trend-count').textContent)");
        Assert.Equal(expected, shown);
        await Expect(ana.GetByTestId("home-timeline").Locator(".author")).ToHaveTextAsync(["Ana Lima", "Chloé Martin", "Ben Okafor", "Chloé Martin", "Ben Okafor"]);
        await Expect(ana.GetByTestId("live-status")).ToHaveTextAsync("Live");
        await SaveScreenshotAsync(ana);

        await trends.Locator("a", new() { HasText = "#distributed" }).ClickAsync();
        await Expect(ana).ToHaveURLAsync(new Regex(@"/search\?q=%23distributed$"));
        var results = ana.GetByTestId("search-timeline").Locator(".tweet");
        await Expect(results).ToHaveCountAsync(2);
        await Expect(results.Locator(".author-handle")).ToHaveTextAsync(["@chloe", "@ben"]);
        await Expect(results.Locator(".author")).ToHaveTextAsync(["Chloé Martin", "Ben Okafor"]);
        AssertNoErrors(ana);
    }

    /// <summary>A trend as the panel shows it: "#orleans 3 tweets".</summary>
    private static string Describe(JsonElement trend)
    {
        var count = trend.GetProperty("count").GetInt64();
        return $"{trend.GetProperty("tag").GetString()} {count} {(count == 1 ? "tweet" : "tweets")}";
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        // No focus ring left on the composer in the picture.
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = false });
        // `UPDATE_README_SCREENSHOT=1 dotnet test ...` refreshes the README's image; a plain test
        // run leaves the repository alone.
        if (Environment.GetEnvironmentVariable("UPDATE_README_SCREENSHOT") == "1")
        {
            File.Copy(ScreenshotPath, Path.Combine(WebAppProcess.RepositoryRoot, "docs", "screenshot.png"), overwrite: true);
        }
    }
}
