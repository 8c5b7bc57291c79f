using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Contracts.Tests.Search;

/// <summary>How tweets and queries become terms (API.md, "Terms").</summary>
public sealed class SearchTermsTests
{
    [Fact]
    public void A_tweet_is_indexed_under_its_words_without_case_or_surrounding_punctuation_and_under_its_hashtags()
    {
        var terms = SearchTerms.OfText("Orleans! rocks: \"don't\" stop #Grains_2, (#orleans) #a-b ##x #é");

        Assert.Equal(
            ["#a", "#grains_2", "#orleans", "#x", "a", "a-b", "don't", "grains_2", "orleans", "rocks", "stop", "x", "é"],
            terms.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_hashtag_is_1_to_50_tag_characters_not_glued_to_a_word()
    {
        Assert.Equal(["#" + new string('b', 50)], SearchTerms.HashtagsOf($"#{new string('b', 50)} #{new string('c', 51)} mail#tag #").ToArray());
        Assert.Equal(["#one"], SearchTerms.HashtagsOf("#ONE and #one again").ToArray());
    }

    [Theory]
    [InlineData("Orleans!", new[] { "orleans" })]
    [InlineData("  #Grains, orleans ORLEANS ", new[] { "#grains", "orleans" })]
    [InlineData("#grains_", new[] { "#grains_" })]
    [InlineData("!!! # -- rust", new[] { "rust" })]
    [InlineData("!!! #", new string[0])]
    [InlineData("#foo-bar", new[] { SearchTerms.NoMatch })]
    [InlineData("Ünïcödé 🎉", new[] { "ünïcödé", "🎉" })]
    public void A_query_splits_on_white_space_and_drops_punctuation_only_terms(string query, string[] expected)
    {
        Assert.True(SearchTerms.TryParseQuery(query, out var terms, out var error), error);
        Assert.Equal(expected, terms.ToArray());
    }

    [Theory]
    [InlineData(null, "'q' is required")]
    [InlineData(" \t ", "'q' is required")]
    [InlineData("a b c d e f g h i", "at most 8 terms; it has 9")]
    public void A_query_that_is_empty_or_has_too_many_terms_is_refused_with_the_reason(string? query, string reason)
    {
        Assert.False(SearchTerms.TryParseQuery(query, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_of_101_characters_is_refused_and_one_of_100_is_not()
    {
        Assert.False(SearchTerms.TryParseQuery(new string('x', 101), out _, out var error));
        Assert.Contains("at most 100 characters", error, StringComparison.Ordinal);
        Assert.True(SearchTerms.TryParseQuery(" " + new string('x', 100) + " ", out var terms, out _));
        Assert.Equal([new string('x', 100)], terms.ToArray());
    }
}
