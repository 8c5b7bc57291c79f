using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>
/// The home timeline: two people sign up in two browser contexts, one follows the other, the
/// other posts, and the post appears on the follower's page with no reload; the composer's
/// counter, "load more" and signing in again.
/// </summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class HomeTimelineBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_post_appears_live_on_a_followers_page_without_a_reload()
    {
        const string aliceHandle = "live_alice";
        const string bobHandle = "live_bob";
        var alice = await OpenAsync(aliceHandle);
        var bob = await OpenAsync(bobHandle);
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

        // The author's display name leads to their page, still without a reload.
        await Expect(timeline.Locator(".tweet").First.Locator(".author-handle")).ToHaveTextAsync($"@{bobHandle}");
        await timeline.Locator(".author", new() { HasText = "Bob Marley" }).First.ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex($"/u/{bobHandle}$"));
        await Expect(alice.GetByTestId("profile-name")).ToHaveTextAsync("Bob Marley");
        await Expect(alice.GetByTestId("profile-tweets")).ToHaveTextAsync("2");
        await Expect(alice.GetByTestId("profile-follow")).ToHaveTextAsync("Unfollow");
        Assert.True(await alice.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Opening a profile reloaded the page.");
        AssertNoErrors(alice, bob);
    }

    [Fact]
    public async Task The_counter_shows_characters_left_load_more_pages_the_home_timeline_and_sign_in_works_after_sign_out()
    {
        const string handle = "counter_carol";
        var carol = await OpenAsync(handle);
        await SignUpAsync(carol, handle);

        var compose = carol.GetByTestId("compose-text");
        await compose.FillAsync("  hello \U0001F44D\U0001F3FD  ");
        await Expect(carol.GetByTestId("compose-counter")).ToHaveTextAsync("273");
        await compose.FillAsync(new string('x', 290));
        await Expect(carol.GetByTestId("compose-counter")).ToHaveTextAsync("-10");
        await Expect(carol.GetByTestId("compose-submit")).ToBeDisabledAsync();
        await compose.FillAsync(string.Empty);

        var api = await ApiUserAsync(handle, exists: true);
        for (var i = 0; i < 25; i++)
        {
            await api.PostAsync($"home tweet {i}");
        }

        await carol.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(carol.Locator("#welcome")).ToBeVisibleAsync();
        await SignInAsync(carol, handle.ToUpperInvariant());
        await Expect(carol.GetByTestId("me-link")).ToHaveTextAsync($"@{handle}");
        var tweets = carol.GetByTestId("home-timeline").Locator(".tweet");
        await Expect(tweets).ToHaveCountAsync(20);
        await Expect(tweets.First.Locator(".tweet-text")).ToHaveTextAsync("home tweet 24");
        await carol.GetByTestId("home-more").ClickAsync();
        await Expect(tweets).ToHaveCountAsync(25);
        await Expect(tweets.Last.Locator(".tweet-text")).ToHaveTextAsync("home tweet 0");
        await Expect(carol.GetByTestId("home-more")).ToBeHiddenAsync();
        AssertNoErrors(carol);
    }
}
