using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>
/// The web page in Chromium against the web front end run as a process: two people sign up in
/// two browser contexts, one follows the other, the other posts, and the post appears on the
/// follower's page with no reload. The follower's page is saved as a screenshot.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class HomeTimelineBrowserTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-browser-").FullName;
    private WebAppProcess? _app;
    private BrowserSession? _browser;

    private WebAppProcess App => _app!;

    private BrowserSession Browser => _browser!;

    /// <summary>Where the screenshot is saved: the test's output, and the README's image when asked for.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "home-timeline.png");

    public async Task InitializeAsync()
    {
        // A limit out of the way: one test posts a page and a half of tweets at once.
        _app = await WebAppProcess.StartAsync(_workingDirectory, "--Storage:Provider=Memory", "--Web:PostRateLimit:Burst=100");
        _browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task A_post_appears_live_on_a_followers_page_without_a_reload()
    {
        // Each test runs its own web app with Memory storage, so plain handles are free.
        const string aliceHandle = "alice";
        const string bobHandle = "bob";
        var alice = await Browser.OpenAsync(App.BaseAddress, "alice");
        var bob = await Browser.OpenAsync(App.BaseAddress, "bob");
        await SignUpAsync(alice, aliceHandle, "Alice Liddell");
        await SignUpAsync(bob, bobHandle, "Bob Marley");
        await PostAsync(alice, "Curiouser and curiouser! Trying out this live timeline.");

        await alice.GetByTestId("follow-handle").FillAsync(bobHandle);
        await alice.GetByTestId("follow-submit").ClickAsync();
        await Expect(alice.GetByTestId("follow-status")).ToHaveTextAsync($"You follow @{bobHandle}.");
        await Expect(alice.GetByTestId("live-status")).ToHaveTextAsync("Live");
        await alice.EvaluateAsync("() => { window.__sameDocument = true; }");

        await PostAsync(bob, "One good thing about music: when it hits you, you feel no pain.");
        await PostAsync(bob, "Posted from another browser, and it shows up for my followers at once.");

        var timeline = alice.GetByTestId("home-timeline");
        await Expect(timeline.Locator(".tweet-text").First).ToHaveTextAsync("Posted from another browser, and it shows up for my followers at once.", new() { Timeout = 5_000 });
        await Expect(timeline.Locator(".tweet")).ToHaveCountAsync(3);
        Assert.True(await alice.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The follower's page reloaded; the post should have arrived live.");

        await alice.GetByTestId("compose-text").FillAsync("Off with their heads");
        await Expect(alice.GetByTestId("compose-counter")).ToHaveTextAsync("260");
        await Expect(alice.GetByTestId("compose-submit")).ToBeEnabledAsync();
        await SaveScreenshotAsync(alice);

        await timeline.Locator(".author", new() { HasText = $"@{bobHandle}" }).First.ClickAsync();
        await Expect(alice.Locator("#profile-name")).ToHaveTextAsync("Bob Marley");
        await Expect(alice.GetByTestId("profile-tweets")).ToHaveTextAsync("2");
        await Expect(alice.GetByTestId("profile-followers")).ToHaveTextAsync("1");
        await Expect(alice.GetByTestId("profile-following")).ToHaveTextAsync("0");
        await Expect(alice.GetByTestId("profile-follow")).ToHaveTextAsync("Unfollow");
        Assert.Empty(Browser.Errors);
    }

    [Fact]
    public async Task The_counter_shows_characters_left_load_more_pages_tweets_and_sign_in_works_after_sign_out()
    {
        const string handle = "carol";
        var carol = await Browser.OpenAsync(App.BaseAddress, "carol");
        await SignUpAsync(carol, handle, null);

        var compose = carol.GetByTestId("compose-text");
        await compose.FillAsync("  hello \U0001F44D\U0001F3FD  ");
        await Expect(carol.GetByTestId("compose-counter")).ToHaveTextAsync("273");
        await compose.FillAsync(new string('x', 290));
        await Expect(carol.GetByTestId("compose-counter")).ToHaveTextAsync("-10");
        await Expect(carol.GetByTestId("compose-submit")).ToBeDisabledAsync();

        await PostThroughApiAsync(handle, 25);
        await carol.GotoAsync($"/#/u/{handle}");
        var tweets = carol.GetByTestId("profile-timeline").Locator(".tweet");
        await Expect(tweets).ToHaveCountAsync(20);
        await carol.Locator("#profile-more").ClickAsync();
        await Expect(tweets).ToHaveCountAsync(25);
        await Expect(carol.Locator("#profile-more")).ToBeHiddenAsync();
        await Expect(tweets.Last.Locator(".tweet-text")).ToHaveTextAsync("tweet 0");

        await carol.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(carol.Locator("#welcome")).ToBeVisibleAsync();
        await carol.GetByTestId("sign-in-handle").FillAsync("CAROL");
        await carol.GetByTestId("sign-in-password").FillAsync(Password);
        await carol.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(carol.Locator("#me-link")).ToHaveTextAsync("@carol");
        await Expect(carol.GetByTestId("home-timeline").Locator(".tweet")).ToHaveCountAsync(20);
        await Expect(carol.GetByTestId("home-more")).ToBeVisibleAsync();
        Assert.Empty(Browser.Errors);
    }

    private static async Task SignUpAsync(IPage page, string handle, string? displayName)
    {
        await page.GetByTestId("sign-up-handle").FillAsync(handle);
        if (displayName is not null)
        {
            await page.GetByTestId("sign-up-display-name").FillAsync(displayName);
        }

        await page.GetByTestId("sign-up-password").FillAsync(Password);
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Expect(page.Locator("#me-link")).ToHaveTextAsync($"@{handle}");
        await Expect(page.Locator("#home")).ToBeVisibleAsync();
    }

    private static async Task PostAsync(IPage page, string text)
    {
        await page.GetByTestId("compose-text").FillAsync(text);
        await Expect(page.GetByTestId("compose-submit")).ToBeEnabledAsync();
        await page.GetByTestId("compose-submit").ClickAsync();
        await Expect(page.GetByTestId("home-timeline").Locator(".tweet-text", new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("compose-text")).ToHaveValueAsync(string.Empty);
    }

    private async Task PostThroughApiAsync(string handle, int count)
    {
        using var http = new HttpClient { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var session = await http.PostAsJsonAsync("/api/sessions", new { handle, password = Password });
        session.EnsureSuccessStatusCode();
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < count; i++)
        {
            (await http.PostAsJsonAsync("/api/tweets", new { text = $"tweet {i}" })).EnsureSuccessStatusCode();
        }
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        // The page down to the end of its content, not the empty viewport below it.
        var content = await page.Locator("#home").BoundingBoxAsync() ?? throw new InvalidOperationException("The home view is not on the page.");
        var viewport = page.ViewportSize!;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = ScreenshotPath,
            Clip = new Clip { X = 0, Y = 0, Width = viewport.Width, Height = Math.Min(viewport.Height, content.Y + content.Height + 28) },
        });
        // `UPDATE_README_SCREENSHOT=1 dotnet test ...` refreshes the README's image; a plain test
        // run leaves the repository alone.
        if (Environment.GetEnvironmentVariable("UPDATE_README_SCREENSHOT") == "1")
        {
            File.Copy(ScreenshotPath, Path.Combine(WebAppProcess.RepositoryRoot, "docs", "screenshot.png"), overwrite: true);
        }
    }
}
