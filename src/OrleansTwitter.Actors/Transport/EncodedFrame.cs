using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// A frame already serialized, in a pooled buffer: 4-byte little-endian length, then the JSON.
/// Encoding happens on the sender's thread, so a payload that cannot be serialized fails that
/// sender's call with the serializer's message (which names the type), not the connection.
/// </summary>
internal readonly struct EncodedFrame
{
    public const int MaxPayloadBytes = 16 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private EncodedFrame(byte[] buffer, int length)
    {
        Buffer = buffer;
        Length = length;
    }

    public byte[] Buffer { get; }

    public int Length { get; }

    public static EncodedFrame Encode(Action<Utf8JsonWriter> write) => Encode(write, static (w, write) => write(w));

    public static EncodedFrame Encode<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var payload = buffer.WrittenSpan;
        if (payload.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"A message of {payload.Length} bytes is over the {MaxPayloadBytes}-byte frame limit.");
        }

        var frame = ArrayPool<byte>.Shared.Rent(payload.Length + 4);
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        payload.CopyTo(frame.AsSpan(4));
        return new EncodedFrame(frame, payload.Length + 4);
    }

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
