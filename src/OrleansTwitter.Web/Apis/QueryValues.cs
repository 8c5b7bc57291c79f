using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Apis;

/// <summary>
/// Reads the paging query values as strings, so that a value that is not a number, or is out of
/// range, is a 400 with a message that says which and why, not a binding failure.
/// </summary>
internal static class QueryValues
{
    /// <summary>The page size: absent or empty means the default; otherwise 1 to 100.</summary>
    public static bool TryLimit(string? text, out int limit, [NotNullWhen(false)] out string? error)
    {
        error = null;
        limit = TimelineLimits.DefaultPageSize;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length <= 9 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && Paging.IsValidLimit(limit))
        {
            return true;
        }

        error = $"'limit' is a whole number from {TimelineLimits.MinPageSize} to {TimelineLimits.MaxPageSize}; '{Shorten(text)}' is not.";
        return false;
    }

    /// <summary>The <c>before</c> tweet id: absent or empty means the newest.</summary>
    public static bool TryBefore(string? text, out TweetId? before, [NotNullWhen(false)] out string? error)
    {
        error = null;
        before = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (TweetId.TryParse(text, out var id))
        {
            before = id;
            return true;
        }

        error = $"'before' is a tweet id (a string of decimal digits, the 'next' of the previous page); '{Shorten(text)}' is not.";
        return false;
    }

    /// <summary>A follow-list cursor: absent or empty means the first page.</summary>
    public static string? Cursor(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
