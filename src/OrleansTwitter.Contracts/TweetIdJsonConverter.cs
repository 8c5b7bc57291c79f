using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansTwitter.Contracts;

/// <summary>
/// Writes a <see cref="TweetId"/> as a string of decimal digits. Reads that form, and also a
/// plain JSON number so that hand-written requests with small ids still work.
/// </summary>
public sealed class TweetIdJsonConverter : JsonConverter<TweetId>
{
    public override TweetId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) && number >= 0)
        {
            return new TweetId(number);
        }

        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out long value, out var consumed) && consumed == reader.ValueSpan.Length
            && value >= 0 && reader.ValueSpan[0] is >= (byte)'0' and <= (byte)'9')
        {
            return new TweetId(value);
        }

        if (reader.TokenType == JsonTokenType.String && TweetId.TryParse(reader.GetString(), out var parsed))
        {
            return parsed;
        }

        throw new JsonException("A tweet id must be a string of decimal digits.");
    }

    public override void Write(Utf8JsonWriter writer, TweetId value, JsonSerializerOptions options)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value.Value, digits, out var written);
        writer.WriteStringValue(digits[..written]);
    }
}
