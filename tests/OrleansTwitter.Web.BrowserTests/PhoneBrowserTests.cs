using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>The page on a phone-sized screen (390×844): one column, nothing wider than the screen.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class PhoneBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task On_a_phone_the_page_is_one_column_that_fits_the_screen()
    {
        const string handle = "phone_pat";
        const string friend = "phone_quinn";
        var quinn = await ApiUserAsync(friend, "Quinn With A Rather Long Display Name For A Phone");
        await quinn.PostAsync($"A word longer than any phone: {new string('w', 120)} #PhonesToo https://example.com/{new string('p', 80)}");

        var pat = await OpenAsync(handle, viewport: Phone);
        await AssertFitsAsync(pat, "the sign-up page");
        await SignUpAsync(pat, handle);
        await pat.GetByTestId("follow-handle").FillAsync(friend);
        await pat.GetByTestId("follow-submit").ClickAsync();
        await Expect(pat.GetByTestId("follow-status")).ToHaveTextAsync($"You follow @{friend}.");
        await PostAsync(pat, "Posting from my phone.");
        await Expect(pat.GetByTestId("home-timeline").Locator(".tweet")).ToHaveCountAsync(2);
        await AssertFitsAsync(pat, "the home timeline");

        // One column: the composer spans the screen and the side panel comes below the timeline.
        var compose = await BoxAsync(pat.Locator("#compose"));
        var timeline = await BoxAsync(pat.GetByTestId("home-timeline"));
        var followBox = await BoxAsync(pat.Locator("#follow-form"));
        Assert.True(compose.Width >= Phone.Width - 40, $"The composer is {compose.Width}px wide on a {Phone.Width}px screen.");
        Assert.True(followBox.Y >= timeline.Y + timeline.Height, "The follow box is beside the timeline instead of below it.");
        await Expect(pat.GetByTestId("search-input")).ToBeInViewportAsync();
        await Expect(pat.GetByTestId("me-link")).ToBeInViewportAsync();

        await Expect(pat.GetByTestId("home-timeline").Locator(".author", new() { HasText = "Quinn With A Rather Long" })).ToBeVisibleAsync();
        await AssertFitsAsync(pat, "the home timeline with a long display name");
        await pat.GetByTestId("home-timeline").Locator(".author", new() { HasText = "Quinn With A Rather Long" }).ClickAsync();
        await Expect(pat).ToHaveURLAsync(new Regex($"/u/{friend}$"));
        await Expect(pat.GetByTestId("profile-follow")).ToHaveTextAsync("Unfollow");
        await Expect(pat.GetByTestId("profile-follow")).ToBeInViewportAsync();
        await Expect(pat.GetByTestId("profile-followers")).ToBeInViewportAsync();
        await AssertFitsAsync(pat, "the profile");
        AssertNoErrors(pat);
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on the page.");

    /// <summary>Nothing scrolls sideways, and no visible element pokes past the screen's right edge.</summary>
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const wide = [];
              if (document.documentElement.scrollWidth > width) wide.push(`the document is ${document.documentElement.scrollWidth}px wide`);
              for (const element of document.querySelectorAll("body *")) {
                const box = element.getBoundingClientRect();
                const name = `${element.tagName.toLowerCase()}#${element.id}.${element.className}`;
                if (box.width > 0 && box.right > width + 0.5) wide.push(`${name} ends at ${Math.round(box.right)}px`);
                // Content wider than its element spills past it unless the element clips it.
                else if (box.width > 0 && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible") wide.push(`${name} holds ${element.scrollWidth}px in ${element.clientWidth}px`);
              }
              return wide;
            }
            """);
        Assert.True(overflow.Length == 0, $"On a {Phone.Width}px screen, {what} is too wide:\n{string.Join('\n', overflow)}");
    }
}
