using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Maps a state name and a grain id to a blob name, <c>&lt;stateName&gt;/&lt;grainType&gt;/&lt;key&gt;.json</c>.
/// The mapping is injective (two records never share a blob) and every name is safe whatever
/// the key holds: slashes, spaces, Unicode, unpaired surrogates, or thousands of characters.
/// </summary>
/// <remarks>
/// Escaping uses <c>~XX</c> (UTF-8 bytes in upper-case hex) rather than <c>%XX</c>: every
/// character of a name is then an unreserved URL character, so no layer (the SDK, .NET's
/// <see cref="Uri"/>, the service) can decode or re-encode it into another name. A <c>/</c>
/// in a key would otherwise become a virtual folder, and <c>.</c> or <c>..</c> would be
/// collapsed as a relative path on the way to the service.
/// </remarks>
internal static class AzureBlobNames
{
    /// <summary>
    /// Escaped segments longer than this are shortened with a hash. Three segments of at most
    /// this length, two slashes and the extension stay well under the service's 1,024-character
    /// limit for blob names.
    /// </summary>
    internal const int MaxEscapedSegmentLength = 250;

    /// <summary>How much of a long escaped segment is kept, readable, before the hash.</summary>
    internal const int HashedPrefixLength = 180;

    /// <summary>
    /// Separates the readable prefix from the hash. Escaping never emits it: a <c>~</c> there is
    /// always followed by two hex digits.
    /// </summary>
    internal const string HashSeparator = "~~";

    /// <summary>The empty string's segment: an empty path segment is not a usable blob name part.</summary>
    internal const string EmptySegment = "~empty";

    internal const string Extension = ".json";

    /// <summary>The service's limit on the length of a blob name.</summary>
    internal const int MaxBlobNameLength = 1024;

    public static string GetBlobName(string stateName, GrainId grainId) =>
        $"{EscapeSegment(stateName)}/{EscapeSegment(grainId.Type)}/{EscapeSegment(grainId.Key)}{Extension}";

    /// <summary>
    /// Keeps <c>[A-Za-z0-9_.-]</c> and writes everything else as <c>~XX</c> UTF-8 bytes, so the
    /// result decodes back to exactly one input. A trailing dot is escaped too, which also rules
    /// out the path segments "." and "..", and names ending in a dot, which the service advises against.
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
                // An unpaired surrogate has no UTF-8 form; encoding the code unit directly (as
                // WTF-8 does) keeps two such keys apart instead of collapsing both to U+FFFD.
                count = EncodeCodeUnit(c, utf8);
            }

            foreach (var b in utf8[..count])
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        var escaped = builder.ToString();
        return escaped.Length <= MaxEscapedSegmentLength ? escaped : Shorten(escaped);
    }

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static int EncodeCodeUnit(char c, Span<byte> destination)
    {
        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    /// <summary>
    /// Keeps a readable prefix and appends a hash of the whole escaped segment. Hashing the
    /// escaped form (ASCII, and injective) rather than the raw key keeps unpaired surrogates
    /// distinct. Only a shortened segment contains <see cref="HashSeparator"/>, so a shortened
    /// segment never equals an escaped one.
    /// </summary>
    private static string Shorten(string escaped)
    {
        var cut = HashedPrefixLength;

        // Never cut through a ~XX escape: the prefix should still read as escaped text.
        if (escaped[cut - 1] == '~')
        {
            cut -= 1;
        }
        else if (escaped[cut - 2] == '~')
        {
            cut -= 2;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(escaped)));
        return $"{escaped[..cut]}{HashSeparator}{hash}";
    }
}
