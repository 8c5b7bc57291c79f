using System.Globalization;
using System.Text.RegularExpressions;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>Relative times read "5s", "3m", "2h", then a date, and stay current without a reload.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class RelativeTimeBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_tweets_time_moves_from_seconds_to_minutes_hours_and_a_date_as_the_clock_runs()
    {
        const string handle = "time_tess";
        // Playwright's fake clock: the page's Date and timers, started at the real time (the
        // server stamps tweets with it), and moved forward by the test.
        var tess = await OpenAsync(handle, beforeLoad: page => page.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow }));
        await SignUpAsync(tess, handle);
        await PostAsync(tess, "Time flies like an arrow.");

        var time = tess.GetByTestId("home-timeline").Locator(".tweet time").First;
        await Expect(time).ToHaveTextAsync(new Regex(@"^\d{1,2}s$"));
        await tess.Clock.FastForwardAsync("03:10");
        await Expect(time).ToHaveTextAsync("3m");
        await tess.Clock.FastForwardAsync("02:00:00");
        await Expect(time).ToHaveTextAsync("2h");
        await tess.Clock.FastForwardAsync("24:00:00");

        var created = DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? throw new InvalidOperationException("The time has no datetime."), CultureInfo.InvariantCulture);
        var day = created.ToString("MMM d", CultureInfo.InvariantCulture);
        await Expect(time).ToHaveTextAsync(new Regex($"^{Regex.Escape(day)}(, {created.Year})?$"));
        AssertNoErrors(tess);
    }
}
