using System.Text;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// FNV-1a over UTF-8. Chosen because it is tiny, allocation-free for short inputs and stable
/// across processes, which is all placement and partitioning need.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a64(string value) => Append(OffsetBasis, value);

    /// <summary>Hashes two strings with a separator, so ("ab","c") and ("a","bc") differ.</summary>
    public static ulong Fnv1a64(string first, string second)
    {
        var hash = Append(OffsetBasis, first);
        hash = (hash ^ 0x1F) * Prime;
        return Append(hash, second);
    }

    private static ulong Append(ulong hash, string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var bytes = maxBytes <= buffer.Length ? buffer : new byte[maxBytes];
        var count = Encoding.UTF8.GetBytes(value, bytes);
        foreach (var b in bytes[..count])
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
