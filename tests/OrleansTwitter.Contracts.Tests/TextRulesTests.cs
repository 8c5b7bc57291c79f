namespace OrleansTwitter.Contracts.Tests;

public sealed class TextRulesTests
{
    [Fact]
    public void Tweet_text_is_trimmed()
    {
        Assert.Equal("hello", TweetText.Normalize("  hello \n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public void Empty_tweet_text_is_rejected(string? text)
    {
        var error = Assert.Throws<ArgumentException>(() => TweetText.Normalize(text));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tweet_text_counts_text_elements_not_code_units()
    {
        const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // one text element, eight code units
        const string Accented = "e\u0301"; // e + combining acute: one text element

        Assert.True(TweetText.TryNormalize(string.Concat(Enumerable.Repeat(Family, 280)), out _, out _));
        Assert.True(TweetText.TryNormalize(string.Concat(Enumerable.Repeat(Accented, 280)), out _, out _));
        Assert.True(TweetText.TryNormalize(new string('x', TimelineLimits.MaxTweetTextElements), out _, out _));
        Assert.False(TweetText.TryNormalize(string.Concat(Enumerable.Repeat(Family, 281)), out _, out var error));
        Assert.Contains("281", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_281_characters_long_is_rejected_but_not_because_of_surrounding_space()
    {
        Assert.Throws<ArgumentException>(() => TweetText.Normalize(new string('x', 281)));
        Assert.Equal(280, TweetText.Normalize("   " + new string('x', 280) + "   ").Length);
    }

    [Fact]
    public void A_display_name_defaults_to_the_handle_and_is_bounded()
    {
        Assert.Equal("ada", DisplayName.Normalize(null, "ada"));
        Assert.Equal("ada", DisplayName.Normalize("   ", "ada"));
        Assert.Equal("Ada L.", DisplayName.Normalize(" Ada L. ", "ada"));
        Assert.Equal(50, DisplayName.Normalize(new string('n', 50), "ada").Length);
        Assert.Throws<ArgumentException>(() => DisplayName.Normalize(new string('n', 51), "ada"));
        Assert.Throws<ArgumentException>(() => DisplayName.Normalize("bell\a", "ada"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(101, false)]
    public void Page_sizes_are_1_to_100(int limit, bool valid)
    {
        Assert.Equal(valid, Paging.IsValidLimit(limit));
        if (!valid)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Paging.ValidateLimit(limit));
            Assert.Contains("between 1 and 100", error.Message, StringComparison.Ordinal);
        }
    }
}
