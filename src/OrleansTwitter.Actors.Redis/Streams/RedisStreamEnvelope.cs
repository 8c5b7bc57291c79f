using System.Text.Json;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// One event as a queue entry holds it: the stream, the item's type and the item, as JSON with
/// the runtime's payload options, so anything a grain call can carry, a stream can.
/// </summary>
/// <remarks>
/// The type is written as "full name, assembly name" without a version, so silos of two versions
/// read each other's entries during a rolling upgrade; unknown JSON members are ignored for the same reason.
/// </remarks>
internal sealed record RedisStreamEnvelope(StreamId StreamId, Type ItemType, object? Item)
{
    public static string Write(StreamId streamId, object? item, Type itemType)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ns", streamId.Namespace);
            writer.WriteString("key", streamId.Key);
            writer.WriteString("type", $"{itemType.FullName}, {itemType.Assembly.GetName().Name}");
            writer.WritePropertyName("item");
            JsonSerializer.Serialize(writer, item, itemType, MessageCodec.PayloadOptions);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="JsonException">The entry is not an envelope, or names a type this process does not have.</exception>
    public static RedisStreamEnvelope Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streamNamespace = Required(root, "ns");
        var key = Required(root, "key");
        var typeName = Required(root, "type");
        var type = Type.GetType(typeName)
            ?? throw new JsonException($"The event of stream {streamNamespace}/{key} is a '{typeName}', a type this process does not have.");
        var item = root.TryGetProperty("item", out var value) ? value.Deserialize(type, MessageCodec.PayloadOptions) : null;
        return new RedisStreamEnvelope(new StreamId(streamNamespace, key), type, item);
    }

    private static string Required(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"A queue entry has no '{name}': it is not a stream event envelope.");
}
