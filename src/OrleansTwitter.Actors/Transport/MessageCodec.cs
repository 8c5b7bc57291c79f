using System.Buffers;
using System.Text.Json;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// Frames as JSON objects with short property names. A reader skips properties it does not
/// know, so a newer silo can add fields and an older one still reads its frames: that is what
/// lets a cluster run mixed versions during a rolling upgrade.
/// </summary>
internal static class MessageCodec
{
    public static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new GrainReferenceJsonConverter() },
    };

    public static void WriteHello(Utf8JsonWriter w, SiloAddress? silo, string? clientId)
    {
        Start(w, FrameKind.Hello, 0);
        if (silo is { } address)
        {
            w.WriteString("s", address.ToString());
        }

        if (clientId is not null)
        {
            w.WriteString("cl", clientId);
        }

        w.WriteEndObject();
    }

    public static void WriteRequest(Utf8JsonWriter w, long id, GrainId target, GrainRequest request, DateTimeOffset deadline, int forwardCount, CallChain? chain)
    {
        Start(w, FrameKind.Request, id);
        w.WriteString("t", target.Type);
        w.WriteString("key", target.Key);
        WriteCallHeader(w, request, deadline, forwardCount, chain);
        w.WritePropertyName("a");
        request.WriteArguments(w, PayloadOptions);
        w.WriteEndObject();
    }

    public static void WriteMulticast(Utf8JsonWriter w, long id, string grainType, IEnumerable<string> keys, bool activationOptional, GrainRequest request, DateTimeOffset deadline, CallChain? chain)
    {
        Start(w, FrameKind.Multicast, id);
        w.WriteString("t", grainType);
        w.WriteStartArray("keys");
        foreach (var key in keys)
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
        w.WriteBoolean("o", activationOptional);
        WriteCallHeader(w, request, deadline, 0, chain);
        w.WritePropertyName("a");
        request.WriteArguments(w, PayloadOptions);
        w.WriteEndObject();
    }

    public static void WriteResponse(Utf8JsonWriter w, long id, GrainRequest request, object? result)
    {
        Start(w, FrameKind.Response, id);
        w.WritePropertyName("r");
        request.WriteResult(w, result, PayloadOptions);
        w.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter w, long id, Exception exception) =>
        WriteError(w, FrameKind.Error, id, ExceptionCodec.TypeName(exception), exception.Message);

    public static void WriteRejection(Utf8JsonWriter w, long id, string reason) =>
        WriteError(w, FrameKind.Rejection, id, nameof(FrameKind.Rejection), reason);

    public static void WriteReleaseGrain(Utf8JsonWriter w, long id, GrainId grain)
    {
        Start(w, FrameKind.ReleaseGrain, id);
        w.WriteString("t", grain.Type);
        w.WriteString("key", grain.Key);
        w.WriteEndObject();
    }

    public static void WriteManifest(Utf8JsonWriter w, IReadOnlyDictionary<string, string> grainTypes, SiloAddress gateway)
    {
        Start(w, FrameKind.Manifest, 0);
        w.WriteString("s", gateway.ToString());
        w.WriteStartObject("map");
        foreach (var (interfaceName, grainType) in grainTypes)
        {
            w.WriteString(interfaceName, grainType);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteSignal(Utf8JsonWriter w, FrameKind kind, long id)
    {
        Start(w, kind, id);
        w.WriteEndObject();
    }

    public static void WriteMulticastResult(Utf8JsonWriter w, long id, MulticastResult result)
    {
        Start(w, FrameKind.MulticastResult, id);
        w.WriteStartArray("n");
        w.WriteNumberValue(result.Delivered);
        w.WriteNumberValue(result.Skipped);
        w.WriteNumberValue(result.Failed);
        w.WriteEndArray();
        if (result.FirstError is { } error)
        {
            w.WriteString("et", ExceptionCodec.TypeName(error));
            w.WriteString("em", error.Message);
        }

        w.WriteEndObject();
    }

    public static InboundFrame Read(ReadOnlySequence<byte> payload, IFrameResolver resolver)
    {
        var previous = GrainReferenceJsonConverter.Decoding;
        GrainReferenceJsonConverter.Decoding = resolver;
        try
        {
            return ReadFrame(payload, resolver);
        }
        finally
        {
            GrainReferenceJsonConverter.Decoding = previous;
        }
    }

    private static InboundFrame ReadFrame(ReadOnlySequence<byte> payload, IFrameResolver resolver)
    {
        var reader = new Utf8JsonReader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        var frame = new InboundFrame();
        string? targetType = null;
        string? targetKey = null;
        int interfaceId = 0, methodId = 0;
        Span<char> nameBuffer = stackalloc char[FrameStrings.FieldNameBufferLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = FrameStrings.FieldName(in reader, nameBuffer);
            reader.Read();
            switch (name)
            {
                case "k": frame.Kind = (FrameKind)reader.GetInt32(); break;
                case "id": frame.Id = reader.GetInt64(); break;
                case "s": frame.Silo = SiloAddress.Parse(reader.GetString()!); break;
                case "cl": frame.ClientId = reader.GetString(); break;
                case "t": targetType = FrameStrings.Names.Read(ref reader); break;
                case "key": targetKey = reader.GetString(); break;
                case "keys": frame.Keys = ReadStrings(ref reader); break;
                case "o": frame.ActivationOptional = reader.GetBoolean(); break;
                case "i": interfaceId = reader.GetInt32(); break;
                case "m": methodId = reader.GetInt32(); break;
                case "d": frame.Deadline = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64()); break;
                case "f": frame.ForwardCount = reader.GetInt32(); break;
                case "c": frame.CallChain = ReadChain(ref reader); break;
                case "a": frame.Request = ReadArguments(ref reader, resolver.CreateRequest(interfaceId, methodId)); break;
                case "r": frame.Result = ReadResult(ref reader, resolver.PendingRequest(frame.Id)); break;
                case "et": frame.ErrorType = reader.GetString(); break;
                case "em": frame.ErrorMessage = reader.GetString(); break;
                case "n": ReadCounts(ref reader, ref frame); break;
                case "map": frame.GrainTypes = ReadMap(ref reader); break;
                default: reader.Skip(); break; // a field from a newer version
            }
        }

        frame.GrainType = targetType;
        if (targetType is not null && targetKey is not null)
        {
            frame.Target = new GrainId(targetType, targetKey);
        }

        if (frame.Kind is FrameKind.Request or FrameKind.Multicast && frame.Request is null)
        {
            frame.ErrorType = typeof(NotSupportedException).FullName;
            frame.ErrorMessage = $"This silo does not know grain method {methodId} of interface {interfaceId} (called on {frame.Target}): it runs a version without it.";
        }

        return frame;
    }

    private static void Start(Utf8JsonWriter w, FrameKind kind, long id)
    {
        w.WriteStartObject();
        w.WriteNumber("k", (int)kind);
        w.WriteNumber("id", id);
    }

    private static void WriteCallHeader(Utf8JsonWriter w, GrainRequest request, DateTimeOffset deadline, int forwardCount, CallChain? chain)
    {
        w.WriteNumber("i", request.InterfaceId);
        w.WriteNumber("m", request.MethodId);
        w.WriteNumber("d", deadline.ToUnixTimeMilliseconds());
        w.WriteNumber("f", forwardCount);
        if (chain is not null)
        {
            w.WriteStartArray("c");
            foreach (var link in chain.ToList())
            {
                w.WriteStartArray();
                w.WriteStringValue(link.Grain.Type);
                w.WriteStringValue(link.Grain.Key);
                w.WriteStringValue(link.Method);
                w.WriteNumberValue(link.RequestId);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }
    }

    private static void WriteError(Utf8JsonWriter w, FrameKind kind, long id, string type, string message)
    {
        Start(w, kind, id);
        w.WriteString("et", type);
        w.WriteString("em", message);
        w.WriteEndObject();
    }

    private static GrainRequest? ReadArguments(ref Utf8JsonReader reader, GrainRequest? request)
    {
        if (request is null)
        {
            reader.Skip();
            return null;
        }

        request.ReadArguments(ref reader, PayloadOptions);
        return request;
    }

    private static object? ReadResult(ref Utf8JsonReader reader, GrainRequest? request)
    {
        if (request is null)
        {
            // Nobody waits for it any more (the call timed out): drop it.
            reader.Skip();
            return null;
        }

        return request.ReadResult(ref reader, PayloadOptions);
    }

    private static CallChain? ReadChain(ref Utf8JsonReader reader)
    {
        CallChain? chain = null;
        Expect(ref reader, JsonTokenType.StartArray, alreadyOn: true);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var type = FrameStrings.Names.Read(ref reader)!;
            reader.Read();
            var key = reader.GetString()!;
            reader.Read();
            var method = FrameStrings.Names.Read(ref reader)!;
            reader.Read();
            var requestId = reader.GetInt64();
            reader.Read(); // end of link
            var grain = new GrainId(type, key);
            chain = chain is null ? CallChain.Start(grain, method, requestId) : chain.Append(grain, method, requestId);
        }

        return chain;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, alreadyOn: true);
        var values = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static Dictionary<string, string> ReadMap(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, alreadyOn: true);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.GetString()!;
        }

        return map;
    }

    private static void ReadCounts(ref Utf8JsonReader reader, ref InboundFrame frame)
    {
        Expect(ref reader, JsonTokenType.StartArray, alreadyOn: true);
        reader.Read();
        frame.Delivered = reader.GetInt32();
        reader.Read();
        frame.Skipped = reader.GetInt32();
        reader.Read();
        frame.Failed = reader.GetInt32();
        reader.Read();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, bool alreadyOn = false)
    {
        if ((!alreadyOn && !reader.Read()) || reader.TokenType != token)
        {
            throw new JsonException($"Malformed frame: expected {token} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
        }
    }
}
