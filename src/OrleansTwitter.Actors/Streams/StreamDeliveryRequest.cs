using System.Text.Json;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// One stream event for one consuming grain, delivered as an ordinary request so it runs as a
/// turn of the consumer under the usual rules. <see cref="HandleId"/> names an explicit
/// subscription; null means the grain's implicit subscription to the stream.
/// </summary>
internal sealed class StreamDeliveryRequest : GrainRequest
{
    // Not a generated interface: a fixed id outside the FNV range generated ids land in is not
    // guaranteed, so the manifest's collision check also guards this one.
    internal const int DeliveryInterfaceId = 0x5354524D; // "STRM"
    internal const int DeliveryMethodId = 1;

    public StreamDeliveryRequest()
    {
    }

    public StreamDeliveryRequest(StreamId streamId, Guid? handleId, string eventId, object? item, Type itemType)
    {
        StreamId = streamId;
        HandleId = handleId;
        EventId = eventId;
        Item = item;
        ItemType = itemType;
    }

    public StreamId StreamId { get; private set; }

    public Guid? HandleId { get; private set; }

    public string EventId { get; private set; } = string.Empty;

    public object? Item { get; private set; }

    public Type ItemType { get; private set; } = typeof(object);

    public override int InterfaceId => DeliveryInterfaceId;

    public override int MethodId => DeliveryMethodId;

    public override string InterfaceName => "OrleansTwitter.Actors.Streams.StreamDelivery";

    public override string MethodName => "OnNextAsync";

    public override async ValueTask<object?> InvokeAsync(object grain)
    {
        if (grain is not Grain { Activation: { } activation })
        {
            throw new InvalidOperationException($"Stream {StreamId} delivered an event to {grain.GetType().Name}, which is not a grain.");
        }

        await activation.StreamConsumers.DeliverAsync(activation.GrainId, this);
        return null;
    }

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(StreamId.Namespace);
        writer.WriteStringValue(StreamId.Key);
        if (HandleId is { } handle)
        {
            writer.WriteStringValue(handle);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStringValue(EventId);
        writer.WriteStringValue(ItemType.AssemblyQualifiedName);
        JsonSerializer.Serialize(writer, Item, ItemType, options);
        writer.WriteEndArray();
    }

    public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A stream delivery's arguments must be a JSON array.");
        }

        var streamNamespace = ReadString(ref reader);
        var streamKey = ReadString(ref reader);
        reader.Read();
        HandleId = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();
        EventId = ReadString(ref reader);
        var typeName = ReadString(ref reader);
        ItemType = Type.GetType(typeName) ?? throw new JsonException($"Stream {streamNamespace}/{streamKey} carried an event of type '{typeName}', which this process does not have.");
        reader.Read();
        Item = JsonSerializer.Deserialize(ref reader, ItemType, options);
        reader.Read();
        StreamId = new StreamId(streamNamespace, streamKey);
    }

    public override void WriteResult(Utf8JsonWriter writer, object? result, JsonSerializerOptions options) => writer.WriteNullValue();

    public override object? ReadResult(ref Utf8JsonReader reader, JsonSerializerOptions options) => null;

    public override string ToString() => $"stream event {EventId} of {StreamId}";

    private static string ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString() ?? throw new JsonException("A stream delivery field was null.");
    }
}
