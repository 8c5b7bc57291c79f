using System.Security.Cryptography;
using System.Text;

namespace OrleansTwitter.Hosting.Storage;

/// <summary>
/// Maps a record (state name, grain type, key) to its file: <c>{root}/{state}/{type}/{key}.json</c>.
/// Each segment keeps <c>[a-z0-9_-]</c> and escapes every other UTF-16 code unit as
/// <c>~XXXX</c>, so the mapping is injective, stays inside its folder, and is a valid file name
/// on every platform, also on a file system that ignores case (capitals are escaped); a long
/// segment keeps a readable prefix and a hash of the whole.
/// </summary>
internal static class FileGrainStoragePaths
{
    /// <summary>Escaped segments longer than this are shortened, well under the 255-byte file-name limit.</summary>
    public const int MaxSegmentLength = 120;

    private const int KeptPrefixLength = 56;

    public static string RecordPath(string root, string stateName, GrainId grainId) =>
        Path.Combine(root, Escape(stateName), Escape(grainId.Type.ToString()!), Escape(grainId.Key.ToString()!) + ".json");

    /// <summary>The sidecar lock file of a record; never deleted (see <see cref="FileRecordLock"/>).</summary>
    public static string LockPath(string recordPath) => recordPath + ".lock";

    /// <summary>A fresh temporary file beside the record, so the final rename stays on one volume.</summary>
    public static string TempPath(string recordPath) => $"{recordPath}.{Guid.NewGuid():N}.tmp";

    public static string Escape(string segment)
    {
        if (segment.Length == 0)
        {
            return "~";
        }

        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length <= MaxSegmentLength)
        {
            return builder.ToString();
        }

        // A hash of the escaped form keeps long keys apart; '.' never occurs in an escaped segment.
        var escaped = builder.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(escaped)));
        return $"{escaped[..KeptPrefixLength]}.{hash}";
    }
}
