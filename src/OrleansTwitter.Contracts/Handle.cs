using System.Diagnostics.CodeAnalysis;

namespace OrleansTwitter.Contracts;

/// <summary>
/// The rules for handles: 1 to 15 characters from <c>[A-Za-z0-9_]</c>, unique without regard to
/// case. A handle is shown as it was registered; its key (the user grain's key) is its
/// lower-case form.
/// </summary>
public static class Handle
{
    /// <summary>True when <paramref name="handle"/> follows the rules.</summary>
    public static bool IsValid([NotNullWhen(true)] string? handle)
    {
        if (handle is null || handle.Length is < TimelineLimits.MinHandleLength or > TimelineLimits.MaxHandleLength)
        {
            return false;
        }

        foreach (var c in handle)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key of a valid handle: its lower-case form. False when the handle breaks the rules.</summary>
    public static bool TryNormalize([NotNullWhen(true)] string? handle, [NotNullWhen(true)] out string? key)
    {
        if (!IsValid(handle))
        {
            key = null;
            return false;
        }

        key = ToKey(handle);
        return true;
    }

    /// <summary>The key of <paramref name="handle"/>; throws <see cref="ArgumentException"/> that says the rules when it is not valid.</summary>
    public static string Normalize([NotNull] string? handle, string parameterName = "handle") =>
        TryNormalize(handle, out var key)
            ? key
            : throw new ArgumentException(Describe(handle), parameterName);

    /// <summary>True when two valid handles name the same user.</summary>
    public static bool SameUser(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares handles as the same user compares: without regard to case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The key of a handle already known to be valid (from storage, not from a request).</summary>
    /// <remarks>
    /// Handles are ASCII, so lowering is culture-free; most are already lower case, and then the
    /// same string comes back without an allocation.
    /// </remarks>
    public static string ToKey(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        foreach (var c in handle)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return handle.ToLowerInvariant();
            }
        }

        return handle;
    }

    private static string Describe(string? handle) => handle is null
        ? "A handle is required: use 1 to 15 letters, digits or underscores."
        : $"'{Truncate(handle)}' is not a valid handle: use 1 to {TimelineLimits.MaxHandleLength} letters (A-Z, a-z), digits or underscores.";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
