using System.Text.RegularExpressions;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>Followers and following lists, reached from the profile's counts, paged by cursor, with display names.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class FollowListsBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    private const int Followers = 21;

    [Fact]
    public async Task Followers_and_following_lists_page_with_load_more_and_link_to_profiles()
    {
        const string star = "lists_star";
        var starUser = await ApiUserAsync(star, "Lists Star");
        var followers = Enumerable.Range(0, Followers).Select(i => $"lists_f{i:00}").ToList();
        foreach (var (handle, i) in followers.Select((h, i) => (h, i)))
        {
            await (await ApiUserAsync(handle, $"Follower {i:00}")).FollowAsync(star);
        }

        await starUser.FollowAsync(followers[0]);
        await starUser.FollowAsync(followers[1]);

        var page = await OpenAsync("lists", $"/u/{star}");
        await Expect(page.GetByTestId("profile-followers")).ToHaveTextAsync($"{Followers}");
        await page.GetByTestId("profile-followers-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/u/{star}/followers$"));
        await Expect(page.GetByTestId("followers-tab")).ToHaveAttributeAsync("aria-current", "page");
        var users = page.GetByTestId("follows-list").GetByTestId("user");
        await Expect(users).ToHaveCountAsync(20);
        await page.GetByTestId("follows-more").ClickAsync();
        await Expect(users).ToHaveCountAsync(Followers);
        await Expect(page.GetByTestId("follows-more")).ToBeHiddenAsync();
        var shown = await users.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.handle)");
        Assert.Equal(followers, shown.Order(StringComparer.Ordinal));
        // Display names arrive from each profile.
        await Expect(users.Filter(new() { HasText = "@lists_f20" }).Locator(".user-name")).ToHaveTextAsync("Follower 20");

        await page.GetByTestId("following-tab").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/u/{star}/following$"));
        await Expect(users).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("follows-more")).ToBeHiddenAsync();
        await Expect(users.Locator(".user-name")).ToHaveTextAsync(["Follower 00", "Follower 01"], new() { Timeout = 15_000 });

        await users.First.Locator(".user-name").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/u/lists_f0[01]$"));
        await Expect(page.GetByTestId("profile-following")).ToHaveTextAsync("1");

        // An empty list says so; the address works on its own.
        await page.GotoAsync($"/u/{followers[5]}/followers");
        await Expect(page.GetByText("Nobody follows @lists_f05 yet.")).ToBeVisibleAsync();
        await Expect(users).ToHaveCountAsync(0);
        AssertNoErrors(page);
    }
}
