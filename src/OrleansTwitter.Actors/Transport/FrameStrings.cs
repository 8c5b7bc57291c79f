using System.Text.Json;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// Reads the strings that recur in nearly every frame without a new string each time: field
/// names are compared in place, and grain type and method names come from a bounded table of
/// those already seen. At tens of thousands of frames a second these were the largest share
/// of what a silo allocated.
/// </summary>
internal static class FrameStrings
{
    /// <summary>
    /// A buffer for <see cref="FieldName"/>, to stackalloc once per frame: longer than any field
    /// name this version writes ("keys"), so a longer name is a newer version's field.
    /// </summary>
    public const int FieldNameBufferLength = 8;

    /// <summary>
    /// Grain types and method names decoded by this process. Grain types and methods are few;
    /// the bound keeps frames full of made-up names (a misbehaving peer) from growing it without end.
    /// </summary>
    public static InternedNames Names { get; } = new(maxNames: 4096);

    /// <summary>
    /// The property name the reader is on, copied into <paramref name="buffer"/>; empty when it
    /// does not fit, which no field this version knows does.
    /// </summary>
    public static ReadOnlySpan<char> FieldName(in Utf8JsonReader reader, Span<char> buffer)
    {
        // UTF-8 takes at least one byte per char and escapes only lengthen it, so a raw length
        // that fits guarantees the decoded name fits.
        return RawLength(in reader) > buffer.Length ? ReadOnlySpan<char>.Empty : buffer[..reader.CopyString(buffer)];
    }

    /// <summary>The token's length in bytes as it stands in the frame, escapes included: at least its length in chars.</summary>
    public static long RawLength(in Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
}
