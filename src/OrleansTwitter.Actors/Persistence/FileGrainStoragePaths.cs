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

    private static readonly StorageNameEscaper s_escaper = new('%', MaxEscapedLength, HashedPrefixLength, HashSeparator.ToString(), EmptySegment);

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
    /// Escapes with <c>%XX</c> (see <see cref="StorageNameEscaper"/>), and also escapes the first
    /// letter of a name Windows reserves, which keeps it decodable and makes it an ordinary name.
    /// </summary>
    public static string EscapeSegment(string value) => s_escaper.Escape(value, AvoidWindowsReservedName);

    private static string AvoidWindowsReservedName(string escaped)
    {
        var dot = escaped.IndexOf('.', StringComparison.Ordinal);
        return s_windowsReservedNames.Contains(dot < 0 ? escaped : escaped[..dot])
            ? $"%{(int)escaped[0]:X2}{escaped[1..]}"
            : escaped;
    }
}
