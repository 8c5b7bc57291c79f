using System.Text.RegularExpressions;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>The profile page at /u/{handle}: names, counts, tweets with "load more", and a follow button.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class ProfileBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_profile_opened_by_its_address_shows_names_counts_and_tweets_and_pages_with_load_more()
    {
        const string owner = "prof_paula";
        var paula = await ApiUserAsync(owner, "Paula Profile");
        for (var i = 0; i < 23; i++)
        {
            await paula.PostAsync($"profile tweet {i}");
        }

        await (await ApiUserAsync("prof_fan1")).FollowAsync(owner);
        await (await ApiUserAsync("prof_fan2")).FollowAsync(owner);
        await paula.FollowAsync("prof_fan1");

        // Signed out, straight to the address: the server answers it with the page.
        var visitor = await OpenAsync("visitor", $"/u/{owner}");
        await Expect(visitor.GetByTestId("profile-name")).ToHaveTextAsync("Paula Profile");
        await Expect(visitor.GetByTestId("profile-handle")).ToHaveTextAsync($"@{owner}");
        await Expect(visitor.GetByTestId("profile-tweets")).ToHaveTextAsync("23");
        await Expect(visitor.GetByTestId("profile-followers")).ToHaveTextAsync("2");
        await Expect(visitor.GetByTestId("profile-following")).ToHaveTextAsync("1");
        await Expect(visitor).ToHaveTitleAsync("Paula Profile (@prof_paula) · OrleansTwitter");
        await Expect(visitor.GetByTestId("profile-follow")).ToBeHiddenAsync();

        var tweets = visitor.GetByTestId("profile-timeline").Locator(".tweet");
        await Expect(tweets).ToHaveCountAsync(20);
        await Expect(tweets.First.Locator(".tweet-text")).ToHaveTextAsync("profile tweet 22");
        await visitor.GetByTestId("profile-more").ClickAsync();
        await Expect(tweets).ToHaveCountAsync(23);
        await Expect(tweets.Last.Locator(".tweet-text")).ToHaveTextAsync("profile tweet 0");
        await Expect(visitor.GetByTestId("profile-more")).ToBeHiddenAsync();

        // The page's earlier addresses (#/u/<handle>) still land on the profile.
        await visitor.GotoAsync($"/#/u/{owner}");
        await Expect(visitor).ToHaveURLAsync(new Regex($"/u/{owner}$"));
        await Expect(visitor.GetByTestId("profile-name")).ToHaveTextAsync("Paula Profile");
        AssertNoErrors(visitor);
    }

    [Fact]
    public async Task The_follow_button_follows_and_unfollows_and_is_absent_on_your_own_profile()
    {
        const string owner = "prof_quincy";
        const string fan = "prof_rita";
        var quincy = await ApiUserAsync(owner, "Quincy Jones");
        await quincy.PostAsync("Imagination is the one weapon in the war against reality.");
        var rita = await OpenAsync(fan);
        await SignUpAsync(rita, fan);

        await rita.GotoAsync($"/u/{owner}");
        var follow = rita.GetByTestId("profile-follow");
        await Expect(follow).ToHaveTextAsync("Follow");
        await follow.ClickAsync();
        await Expect(follow).ToHaveTextAsync("Unfollow");
        await Expect(rita.GetByTestId("profile-followers")).ToHaveTextAsync("1");

        // The state comes from the server, so it holds after a reload.
        await rita.ReloadAsync();
        await Expect(follow).ToHaveTextAsync("Unfollow");
        await rita.GetByTestId("me-link").ClickAsync();
        await Expect(rita).ToHaveURLAsync(new Regex($"/u/{fan}$"));
        await Expect(rita.GetByTestId("profile-following")).ToHaveTextAsync("1");
        await Expect(follow).ToBeHiddenAsync();

        await rita.GoBackAsync();
        await Expect(rita.GetByTestId("profile-name")).ToHaveTextAsync("Quincy Jones");
        await follow.ClickAsync();
        await Expect(follow).ToHaveTextAsync("Follow");
        await Expect(rita.GetByTestId("profile-followers")).ToHaveTextAsync("0");
        AssertNoErrors(rita);
    }

    [Fact]
    public async Task An_unknown_handle_shows_nobody_here()
    {
        var page = await OpenAsync("lost", "/u/prof_nobody");
        await Expect(page.GetByTestId("not-found-text")).ToHaveTextAsync("No user has the handle @prof_nobody.");
        await Expect(page.Locator("#profile")).ToBeHiddenAsync();
        AssertOnlyFailedLoadsOf(page, "/api/users/prof_nobody");
    }
}
