using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OrleansTwitter.Contracts;

/// <summary>
/// The rules for a tweet's text: trimmed, then 1 to <see cref="TimelineLimits.MaxTweetTextElements"/>
/// text elements (user-perceived characters: an emoji with modifiers counts once).
/// </summary>
public static class TweetText
{
    /// <summary>The trimmed text, or false with a message saying what is wrong.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "A tweet's text must not be empty (it is empty after trimming white space).";
            return false;
        }

        // Text elements are never more than UTF-16 code units, so short text needs no count.
        if (trimmed.Length > TimelineLimits.MaxTweetTextElements)
        {
            var elements = new StringInfo(trimmed).LengthInTextElements;
            if (elements > TimelineLimits.MaxTweetTextElements)
            {
                error = $"A tweet's text is at most {TimelineLimits.MaxTweetTextElements} characters; this one has {elements}.";
                return false;
            }
        }

        normalized = trimmed;
        error = null;
        return true;
    }

    /// <summary>The trimmed text; throws <see cref="ArgumentException"/> saying what is wrong otherwise.</summary>
    public static string Normalize(string? text, string parameterName = "text") =>
        TryNormalize(text, out var normalized, out var error) ? normalized : throw new ArgumentException(error, parameterName);
}
