using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

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

    private static readonly StorageNameEscaper s_escaper = new('~', MaxEscapedSegmentLength, HashedPrefixLength, HashSeparator, EmptySegment);

    /// <summary>The service's limit on the length of a blob name.</summary>
    internal const int MaxBlobNameLength = 1024;

    public static string GetBlobName(string stateName, GrainId grainId) =>
        $"{EscapeSegment(stateName)}/{EscapeSegment(grainId.Type)}/{EscapeSegment(grainId.Key)}{Extension}";

    /// <summary>
    /// Escapes with <c>~XX</c> (see <see cref="StorageNameEscaper"/>); the trailing-dot rule also
    /// keeps out names ending in a dot, which the service advises against.
    /// </summary>
    public static string EscapeSegment(string value) => s_escaper.Escape(value);
}
