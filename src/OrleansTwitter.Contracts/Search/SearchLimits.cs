namespace OrleansTwitter.Contracts.Search;

/// <summary>The bounds of search, trends and the user directory (API.md, "Search and trends").</summary>
public static class SearchLimits
{
    /// <summary>A query is at most this many characters after trimming.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>A query has at most this many terms.</summary>
    public const int MaxQueryTerms = 8;

    /// <summary>The newest tweet ids each term keeps: search reaches at least this far back per term.</summary>
    public const int TermCapacity = 10_000;

    /// <summary>A hashtag is <c>#</c> and 1 to this many characters from <c>[A-Za-z0-9_]</c>.</summary>
    public const int MaxHashtagLength = 50;

    /// <summary>
    /// Words longer than this are not indexed: a query is at most <see cref="MaxQueryLength"/>
    /// characters, so no query could name them.
    /// </summary>
    public const int MaxIndexedWordLength = MaxQueryLength;

    /// <summary>How many hashtags the trends list.</summary>
    public const int TrendCount = 10;
}
