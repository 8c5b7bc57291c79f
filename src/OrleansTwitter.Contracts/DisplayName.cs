using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OrleansTwitter.Contracts;

/// <summary>
/// The rules for a display name: optional; trimmed; at most
/// <see cref="TimelineLimits.MaxDisplayNameTextElements"/> text elements; no control characters.
/// A missing or blank name becomes the handle.
/// </summary>
public static class DisplayName
{
    /// <summary>The name to store for <paramref name="handle"/>, or false with a message saying what is wrong.</summary>
    public static bool TryNormalize(string? displayName, string handle, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        var trimmed = displayName?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            normalized = handle;
            error = null;
            return true;
        }

        normalized = null;
        if (trimmed.Any(char.IsControl))
        {
            error = "A display name must not contain control characters.";
            return false;
        }

        if (trimmed.Length > TimelineLimits.MaxDisplayNameTextElements
            && new StringInfo(trimmed).LengthInTextElements is var elements && elements > TimelineLimits.MaxDisplayNameTextElements)
        {
            error = $"A display name is at most {TimelineLimits.MaxDisplayNameTextElements} characters; this one has {elements}.";
            return false;
        }

        normalized = trimmed;
        error = null;
        return true;
    }

    /// <summary>The name to store; throws <see cref="ArgumentException"/> saying what is wrong otherwise.</summary>
    public static string Normalize(string? displayName, string handle, string parameterName = "displayName") =>
        TryNormalize(displayName, handle, out var normalized, out var error) ? normalized : throw new ArgumentException(error, parameterName);
}
