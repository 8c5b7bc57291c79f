using System.Text;

namespace OrleansTwitter.Actors.Generator;

/// <summary>
/// FNV-1a 32-bit over UTF-8. Interface and method ids are hashes of names and signatures, so
/// they stay the same across builds, machines and declaration orders; a silo and a client
/// built at different times still agree on them during a rolling upgrade.
/// </summary>
internal static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash32(string value)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }

    /// <summary>The hash as the signed int the runtime's descriptors carry.</summary>
    public static int Id(string value) => unchecked((int)Hash32(value));
}
