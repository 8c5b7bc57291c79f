using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Turns any string into one segment of a storage name (a file name, a part of a blob path)
/// injectively: <c>[A-Za-z0-9_.-]</c> is kept, everything else (and a trailing dot) becomes
/// UTF-8 bytes written as the escape character and two upper-case hex digits, and a result
/// longer than the limit keeps a readable prefix followed by a hash of the whole escaped form.
/// Storage providers differ only in the escape character, the limits and the markers.
/// </summary>
/// <param name="escape">The character that starts an escape; never kept as itself.</param>
/// <param name="maxLength">Longer escaped segments are shortened.</param>
/// <param name="hashedPrefixLength">How much of a shortened segment is kept before the hash.</param>
/// <param name="hashSeparator">Between the prefix and the hash; escaping must never emit it.</param>
/// <param name="emptySegment">What the empty string becomes.</param>
public sealed class StorageNameEscaper(char escape, int maxLength, int hashedPrefixLength, string hashSeparator, string emptySegment)
{
    /// <summary>Escapes <paramref name="value"/>; <paramref name="adjust"/>, when given, rewrites the escaped form before it is shortened.</summary>
    public string Escape(string value, Func<string, string>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return emptySegment;
        }

        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];

            // A trailing dot is escaped: it rules out "." and "..", and Windows drops trailing dots.
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
                builder.Append(escape).Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        var escaped = builder.ToString();
        if (adjust is not null)
        {
            escaped = adjust(escaped);
        }

        return escaped.Length <= maxLength ? escaped : Shorten(escaped);
    }

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static int EncodeCodeUnit(char c, Span<byte> destination)
    {
        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    // Hashing the escaped form (ASCII, and injective) rather than the raw key keeps unpaired
    // surrogates distinct; the cut never goes through an escape, so the prefix still reads as escaped text.
    private string Shorten(string escaped)
    {
        var cut = hashedPrefixLength;
        if (escaped[cut - 1] == escape)
        {
            cut -= 1;
        }
        else if (escaped[cut - 2] == escape)
        {
            cut -= 2;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(escaped)));
        return $"{escaped[..cut]}{hashSeparator}{hash}";
    }
}
