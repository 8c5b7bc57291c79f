using System.Collections.Concurrent;
using System.Text.Json;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// A bounded table of names read from frames, so that a name an earlier frame carried is
/// decoded to that frame's string instead of a new one. Past <see cref="MaxNames"/> it stops
/// growing and new names are plain strings.
/// </summary>
internal sealed class InternedNames
{
    // Longer values are rare and not worth a table slot; they are decoded as usual.
    private const int MaxLength = 256;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public InternedNames(int maxNames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxNames);
        MaxNames = maxNames;
        _byChars = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MaxNames { get; }

    /// <summary>How many names are shared so far (at most <see cref="MaxNames"/>).</summary>
    public int Count => _names.Count;

    /// <summary>
    /// <see cref="Utf8JsonReader.GetString"/>, but a value an earlier frame carried is that
    /// frame's string rather than a new one. Null and other tokens behave as in GetString.
    /// </summary>
    public string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || FrameStrings.RawLength(in reader) > MaxLength)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[MaxLength];
        var name = chars[..reader.CopyString(chars)];
        if (_byChars.TryGetValue(name, out var known))
        {
            return known;
        }

        var created = name.ToString();

        // Two frames racing past the bound may add one name each: the bound is approximate by
        // that much, which is harmless.
        return _names.Count < MaxNames ? _names.GetOrAdd(created, created) : created;
    }
}
