using System.Security.Cryptography;
using System.Text;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Maps state names, grain types and keys to file names. The mapping is injective (two
/// different inputs never share a file) and every result is a valid, portable file name that
/// stays inside its directory, whatever the input: slashes, dots, spaces, Unicode, unpaired
/// surrogates, or thousands of characters.
/// </summary>
internal static class FileGrainStoragePaths
{
    /// <summary>
    /// Escaped names longer than this are shortened with a hash. With the suffixes the provider
    /// adds (".json", then ".lock" or ".&lt;guid&gt;.tmp") a name stays well under the 255-byte
    /// limit of common file systems.
    /// </summary>
    internal const int MaxEscapedLength = 120;

    /// <summary>How much of a long escaped name is kept, readable, before the hash.</summary>
    internal const int HashedPrefixLength = 80;

    /// <summary>Separates the readable prefix from the hash; escaping never emits it otherwise.</summary>
    internal const char HashSeparator = '~';

    /// <summary>The empty string's name: an empty segment is not a file name.</summary>
    internal const string EmptySegment = "~empty";

    internal const string RecordExtension = ".json";
    internal const string LockExtension = ".lock";
    internal const string TempExtension = ".tmp";

    // Device names that Windows reserves in any directory, with or without an extension.
    private static readonly HashSet<string> s_windowsReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string GetRecordPath(string rootPath, string stateName, GrainId grainId) =>
        Path.Combine(rootPath, EscapeSegment(stateName), EscapeSegment(grainId.Type), EscapeSegment(grainId.Key) + RecordExtension);

    /// <summary>The sidecar lock file; its suffix differs from a record's, so it never names one.</summary>
    public static string GetLockPath(string recordPath) => recordPath + LockExtension;

    /// <summary>A fresh temporary name beside the record, so the final rename stays on one volume.</summary>
    public static string GetTempPath(string recordPath) => $"{recordPath}.{Guid.NewGuid():N}{TempExtension}";

    /// <summary>
    /// Keeps <c>[A-Za-z0-9_.-]</c> and writes everything else as <c>%XX</c> UTF-8 bytes, so the
    /// result decodes back to exactly one input. A trailing dot is escaped too (which also rules
    /// out "." and ".."), because Windows drops trailing dots from names.
    /// </summary>
    public static string EscapeSegment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return EmptySegment;
        }

        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsKept(c) && !(c == '.' && i == value.Length - 1))
            {
                builder.Append(c);
                continue;
            }

            int count;
            if (Rune.TryGetRuneAt(value, i, out var rune))
            {
                count = rune.EncodeToUtf8(utf8);
                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                // An unpaired surrogate has no UTF-8 form; encoding the code unit directly
                // (as WTF-8 does) keeps two such keys apart instead of collapsing both to U+FFFD.
                count = EncodeCodeUnit(c, utf8);
            }

            foreach (var b in utf8[..count])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var escaped = builder.ToString();
        if (IsWindowsReservedName(escaped))
        {
            // Escaping the first letter keeps the name decodable and makes it an ordinary name.
            escaped = $"%{(int)escaped[0]:X2}{escaped[1..]}";
        }

        return escaped.Length <= MaxEscapedLength ? escaped : Shorten(escaped);
    }

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static int EncodeCodeUnit(char c, Span<byte> destination)
    {
        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    private static bool IsWindowsReservedName(string escaped)
    {
        var dot = escaped.IndexOf('.', StringComparison.Ordinal);
        return s_windowsReservedNames.Contains(dot < 0 ? escaped : escaped[..dot]);
    }

    /// <summary>
    /// Keeps a readable prefix and appends a hash of the whole escaped name. Hashing the escaped
    /// form (ASCII, and injective) rather than the raw key keeps unpaired surrogates distinct.
    /// </summary>
    private static string Shorten(string escaped)
    {
        var cut = HashedPrefixLength;

        // Never cut through a %XX escape: the prefix should still read as escaped text.
        if (escaped[cut - 1] == '%')
        {
            cut -= 1;
        }
        else if (escaped[cut - 2] == '%')
        {
            cut -= 2;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(escaped)));
        return $"{escaped[..cut]}{HashSeparator}{hash}";
    }
}
