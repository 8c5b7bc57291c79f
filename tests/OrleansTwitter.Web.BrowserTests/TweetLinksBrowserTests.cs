using System.Text.RegularExpressions;
using OrleansTwitter.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>Every handle and hashtag in a tweet is a link, addresses too, and the text is never read as HTML.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class TweetLinksBrowserTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Handles_hashtags_and_addresses_in_a_tweet_are_links_and_markup_stays_text()
    {
        const string author = "links_ann";
        const string mentioned = "links_bo";
        await ApiUserAsync(mentioned, "Bo Diddley");
        const string text = "Hi @links_bo and @LINKS_BO! Loving #OrleansRocks, see https://example.com/a?b=1. "
            + "Not links: x@links_bo.com, C#, @sixteen_chars_xx, #. <img src=x onerror=\"window.__pwned=1\"><b>bold</b>";
        var ann = await OpenAsync(author);
        await SignUpAsync(ann, author);
        await PostAsync(ann, text);

        var tweet = ann.GetByTestId("home-timeline").Locator(".tweet").First;
        await Expect(tweet.Locator(".tweet-text")).ToHaveTextAsync(text);
        var mentions = tweet.Locator("a.mention");
        await Expect(mentions).ToHaveCountAsync(2);
        await Expect(mentions.Nth(0)).ToHaveAttributeAsync("href", "/u/links_bo");
        await Expect(mentions.Nth(1)).ToHaveAttributeAsync("href", "/u/LINKS_BO");
        var hashtags = tweet.Locator("a.hashtag");
        await Expect(hashtags).ToHaveCountAsync(1);
        await Expect(hashtags).ToHaveTextAsync("#OrleansRocks");
        await Expect(hashtags).ToHaveAttributeAsync("href", "/search?q=%23OrleansRocks");
        var address = tweet.Locator("a.url");
        await Expect(address).ToHaveCountAsync(1);
        await Expect(address).ToHaveAttributeAsync("href", "https://example.com/a?b=1");
        await Expect(address).ToHaveAttributeAsync("target", "_blank");
        await Expect(tweet.Locator(".tweet-text a")).ToHaveCountAsync(4);
        await Expect(tweet.Locator(".tweet-text img, .tweet-text b")).ToHaveCountAsync(0);
        Assert.False(await ann.EvaluateAsync<bool>("() => window.__pwned === 1"), "The tweet's markup ran.");

        // A mention opens the profile within the page; the address can be shared.
        await mentions.Nth(1).ClickAsync();
        await Expect(ann).ToHaveURLAsync(new Regex("/u/LINKS_BO$"));
        await Expect(ann.GetByTestId("profile-name")).ToHaveTextAsync("Bo Diddley");
        await Expect(ann.GetByTestId("profile-handle")).ToHaveTextAsync($"@{mentioned}");
        await ann.GoBackAsync();
        await Expect(ann.Locator("#home")).ToBeVisibleAsync();
        await Expect(ann.GetByTestId("home-timeline").Locator("a.mention")).ToHaveCountAsync(2);
        AssertNoErrors(ann);
    }
}
