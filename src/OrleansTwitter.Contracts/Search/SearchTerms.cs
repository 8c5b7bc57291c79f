using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OrleansTwitter.Contracts.Search;

/// <summary>
/// How text becomes search terms, shared by the indexer (a tweet's terms) and the query (a
/// search's terms), so the two always agree.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A word is a run of non-white-space with its surrounding punctuation (Unicode categories
/// P*) stripped, lower-cased invariantly: <c>Orleans!</c> is <c>orleans</c>; inner punctuation stays
/// (<c>don't</c>).</item>
/// <item>A hashtag is <c>#</c> and 1-50 of <c>[A-Za-z0-9_]</c>, not preceded by one of those and not
/// followed by one; its term is lower-cased with its <c>#</c>. It counts as a word too
/// (<c>#Orleans</c> is found by <c>orleans</c> and by <c>#orleans</c>).</item>
/// <item>A query term that starts with <c>#</c> matches the hashtag; any other the word. A query
/// term that is empty once its punctuation is stripped (<c>!!!</c>, <c>#</c>, <c>--</c>) is
/// ignored; a query whose every term is ignored matches nothing (an empty page, not an error).
/// A <c>#</c> term that is no valid hashtag (<c>#foo-bar</c>, <c>#é</c>) matches nothing.</item>
/// </list>
/// </remarks>
public static class SearchTerms
{
    /// <summary>A term no tweet has: what an invalid hashtag query term stands for.</summary>
    public const string NoMatch = "#";

    /// <summary>
    /// The distinct terms of a query, in the order given. False, with the API's reason, when the
    /// query is empty after trimming, longer than 100 characters or has more than 8 terms. Terms
    /// may come back empty (then nothing but an empty page matches).
    /// </summary>
    public static bool TryParseQuery(string? query, out ImmutableArray<string> terms, [NotNullWhen(false)] out string? error)
    {
        terms = [];
        var trimmed = query?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "'q' is required: one to 8 words or #hashtags, separated by spaces.";
            return false;
        }

        if (trimmed.Length > SearchLimits.MaxQueryLength)
        {
            error = $"'q' is at most {SearchLimits.MaxQueryLength} characters; it is {trimmed.Length}.";
            return false;
        }

        var raw = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (raw.Length > SearchLimits.MaxQueryTerms)
        {
            error = $"'q' has at most {SearchLimits.MaxQueryTerms} terms; it has {raw.Length}.";
            return false;
        }

        var result = ImmutableArray.CreateBuilder<string>(raw.Length);
        foreach (var term in raw)
        {
            if (QueryTerm(term) is { } normalized && !result.Contains(normalized))
            {
                result.Add(normalized);
            }
        }

        terms = result.ToImmutable();
        error = null;
        return true;
    }

    /// <summary>The distinct terms a tweet is indexed under: its words and its hashtags.</summary>
    public static ImmutableArray<string> OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Word(token) is { Length: <= SearchLimits.MaxIndexedWordLength } word)
            {
                terms.Add(word);
            }
        }

        foreach (var tag in HashtagsOf(text))
        {
            terms.Add(tag);
            terms.Add(tag[1..]);
        }

        return [.. terms];
    }

    /// <summary>The distinct hashtags of a text, lower-cased, each with its <c>#</c>.</summary>
    public static ImmutableArray<string> HashtagsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = ImmutableArray.CreateBuilder<string>();
        for (var i = text.IndexOf('#'); i >= 0 && i < text.Length; i = text.IndexOf('#', i + 1))
        {
            if (i > 0 && IsTagChar(text[i - 1]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IsTagChar(text[end]))
            {
                end++;
            }

            var length = end - i - 1;
            if (length is >= 1 and <= SearchLimits.MaxHashtagLength)
            {
                var tag = text[i..end].ToLowerInvariant();
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }

            i = end - 1;
        }

        return tags.ToImmutable();
    }

    /// <summary>True when <paramref name="tag"/> is <c>#</c> and 1-50 of <c>[A-Za-z0-9_]</c>.</summary>
    public static bool IsHashtag(string tag) =>
        tag.Length is >= 2 and <= SearchLimits.MaxHashtagLength + 1 && tag[0] == '#' && tag.AsSpan(1).ContainsAnyExcept(TagChars) is false;

    private static readonly System.Buffers.SearchValues<char> TagChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static bool IsTagChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // Null when nothing is left: the term is ignored.
    private static string? QueryTerm(string term)
    {
        if (term[0] != '#')
        {
            return Word(term);
        }

        var end = term.Length;
        // '_' is a hashtag character, so it is not stripped from the end of one.
        while (end > 1 && IsPunctuation(term[end - 1]) && term[end - 1] != '_')
        {
            end--;
        }

        if (end == 1)
        {
            return null;
        }

        var tag = term[..end].ToLowerInvariant();
        return IsHashtag(tag) ? tag : NoMatch;
    }

    private static string? Word(string token)
    {
        var start = 0;
        var end = token.Length;
        while (start < end && IsPunctuation(token[start]))
        {
            start++;
        }

        while (end > start && IsPunctuation(token[end - 1]))
        {
            end--;
        }

        return start == end ? null : token[start..end].ToLowerInvariant();
    }

    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}
