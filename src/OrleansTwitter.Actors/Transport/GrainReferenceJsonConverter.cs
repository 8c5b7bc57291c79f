using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// Grain and observer references as call arguments or results: written as their grain id, and
/// read back as a proxy bound to the process that reads them. Reading happens inside
/// <see cref="MessageCodec.Read"/>, which says (thread-statically, for that synchronous read)
/// which process is decoding, so several silos in one process each get their own proxies.
/// </summary>
internal sealed class GrainReferenceJsonConverter : JsonConverterFactory
{
    [ThreadStatic]
    private static IFrameResolver? t_decoding;

    public static IFrameResolver? Decoding
    {
        get => t_decoding;
        set => t_decoding = value;
    }

    public override bool CanConvert(Type typeToConvert) =>
        typeof(GrainReference).IsAssignableFrom(typeToConvert)
        || (typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert) && typeToConvert != typeof(IAddressable));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ReferenceConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class ReferenceConverter<T> : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? type = null, key = null;
            Span<char> nameBuffer = stackalloc char[FrameStrings.FieldNameBufferLength];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = FrameStrings.FieldName(in reader, nameBuffer);
                reader.Read();
                switch (name)
                {
                    case "t": type = FrameStrings.Names.Read(ref reader); break;
                    case "k": key = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            if (type is null || key is null)
            {
                throw new JsonException($"A reference to {typeof(T).Name} needs a grain type and key.");
            }

            var resolver = Decoding ?? throw new JsonException($"A reference to {typeof(T).Name} arrived outside a message this process decodes.");
            return (T)(object)resolver.CreateReference(typeof(T), new GrainId(type, key));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var id = value switch
            {
                GrainReference reference => reference.GrainId,
                _ => throw new JsonException($"{value.GetType().Name} is a grain or observer object, not a reference to one; pass a reference (GetGrain, CreateObjectReference)."),
            };
            writer.WriteStartObject();
            writer.WriteString("t", id.Type);
            writer.WriteString("k", id.Key);
            writer.WriteEndObject();
        }
    }
}
