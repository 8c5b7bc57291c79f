using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>The follow box suggests handles as you type, from GET /api/users?prefix=, debounced.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class FollowSuggestionsBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Typing_a_prefix_suggests_matching_handles_once_typing_pauses_and_a_suggestion_can_be_followed()
    {
        const string handle = "sug_me";
        await ApiUserAsync("sug_alpha", "Alpha Centauri");
        await ApiUserAsync("sug_alpine", "Alpine Lake");
        await ApiUserAsync("sug_beta", "Beta Max");
        // Playwright's fake clock runs the page's timers, so the debounce is the test's to step.
        var me = await OpenAsync(handle, beforeLoad: page => page.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow }));
        await SignUpAsync(me, handle);
        var prefixes = new List<string>();
        me.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/api/users")
            {
                lock (prefixes)
                {
                    prefixes.Add(System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query)["prefix"] ?? "(none)");
                }
            }
        };

        await me.Clock.PauseAtAsync(DateTime.UtcNow.AddSeconds(10));
        var input = me.GetByTestId("follow-handle");
        await input.PressSequentiallyAsync("SUG_");
        await me.Clock.RunForAsync(150);
        await input.PressSequentiallyAsync("al");
        await Expect(me.GetByTestId("follow-suggestions")).ToBeHiddenAsync();
        await me.Clock.RunForAsync(250);

        var suggestions = me.GetByTestId("follow-suggestion");
        await Expect(suggestions).ToHaveCountAsync(2);
        await Expect(suggestions.Locator(".handle")).ToHaveTextAsync(["@sug_alpha", "@sug_alpine"]);
        await Expect(suggestions.Locator(".user-name")).ToHaveTextAsync(["Alpha Centauri", "Alpine Lake"]);
        lock (prefixes)
        {
            // One request, for what was typed when typing paused: keystrokes within 200 ms wait for the next.
            Assert.Equal(["SUG_al"], prefixes);
        }

        // Your own handle is never suggested: you cannot follow yourself.
        await input.FillAsync("sug_m");
        await me.Clock.RunForAsync(250);
        await Expect(me.GetByTestId("follow-suggestions")).ToBeHiddenAsync();

        await input.FillAsync("sug_al");
        await me.Clock.RunForAsync(250);
        await Expect(suggestions).ToHaveCountAsync(2);
        await input.PressAsync("ArrowDown");
        await input.PressAsync("ArrowDown");
        await Expect(suggestions.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync("sug_alpine");
        await Expect(me.GetByTestId("follow-suggestions")).ToBeHiddenAsync();
        await me.GetByTestId("follow-submit").ClickAsync();
        await Expect(me.GetByTestId("follow-status")).ToHaveTextAsync("You follow @sug_alpine.");

        await input.FillAsync("sug_b");
        await me.Clock.RunForAsync(250);
        await suggestions.GetByText("Beta Max").ClickAsync();
        await Expect(input).ToHaveValueAsync("sug_beta");
        AssertNoErrors(me);
    }
}
