using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// What every browser test does: open pages (one browser context per user) on the shared web
/// app, sign up and post through the page, set scenes through the API, fail on console errors,
/// and close its contexts at the end so the next test starts clean.
/// </summary>
public abstract class BrowserTest(WebAppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private readonly List<ApiUser> _apiUsers = [];

    protected WebAppFixture App => app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        foreach (var user in _apiUsers)
        {
            user.Dispose();
        }
    }

    protected async Task<IPage> OpenAsync(string name, string path = "/", ViewportSize? viewport = null, Func<IPage, Task>? beforeLoad = null)
    {
        var page = await App.Browser.OpenAsync(App.BaseAddress, name, path, viewport, beforeLoad);
        _pages.Add(page);
        return page;
    }

    /// <summary>A user made through the API (disposed with the test).</summary>
    protected async Task<ApiUser> ApiUserAsync(string handle, string? displayName = null, bool exists = false)
    {
        var user = await ApiUser.CreateAsync(App.BaseAddress, handle, displayName, exists);
        _apiUsers.Add(user);
        return user;
    }

    /// <summary>Fails with the page's console errors and uncaught exceptions, if it had any.</summary>
    protected void AssertNoErrors(params IPage[] pages)
    {
        var errors = pages.SelectMany(App.Browser.ErrorsOf).ToList();
        Assert.True(errors.Count == 0, $"The page logged errors:\n{string.Join('\n', errors)}");
    }

    /// <summary>
    /// Fails unless every error on <paramref name="page"/> is the browser's report of a failed
    /// load of an address containing <paramref name="expectedAddress"/> (a 404 the test caused).
    /// </summary>
    protected void AssertOnlyFailedLoadsOf(IPage page, string expectedAddress)
    {
        var unexpected = App.Browser.ErrorsOf(page).Where(e => !(e.Contains("Failed to load resource", StringComparison.Ordinal) && e.Contains(expectedAddress, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, $"The page logged unexpected errors:\n{string.Join('\n', unexpected)}");
    }

    protected static async Task SignUpAsync(IPage page, string handle, string? displayName = null)
    {
        await page.GetByTestId("sign-up-handle").FillAsync(handle);
        if (displayName is not null)
        {
            await page.GetByTestId("sign-up-display-name").FillAsync(displayName);
        }

        await page.GetByTestId("sign-up-password").FillAsync(ApiUser.Password);
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Expect(page.GetByTestId("me-link")).ToHaveTextAsync($"@{handle}");
        await Expect(page.Locator("#home")).ToBeVisibleAsync();
    }

    protected static async Task SignInAsync(IPage page, string handle)
    {
        await page.GetByTestId("sign-in-handle").FillAsync(handle);
        await page.GetByTestId("sign-in-password").FillAsync(ApiUser.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(page.GetByTestId("me-link")).ToHaveTextAsync($"@{handle}", new() { IgnoreCase = true });
    }

    protected static async Task PostAsync(IPage page, string text)
    {
        await page.GetByTestId("compose-text").FillAsync(text);
        await Expect(page.GetByTestId("compose-submit")).ToBeEnabledAsync();
        await page.GetByTestId("compose-submit").ClickAsync();
        await Expect(page.GetByTestId("home-timeline").Locator(".tweet-text", new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("compose-text")).ToHaveValueAsync(string.Empty);
    }
}
