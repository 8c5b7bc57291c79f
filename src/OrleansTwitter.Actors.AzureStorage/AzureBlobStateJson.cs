using System.Text;
using System.Text.Json;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Serializes grain state payloads exactly as the runtime's own providers do (System.Text.Json
/// with web defaults), so a state type that round-trips through <c>Memory</c> or <c>File</c>
/// round-trips here, and one that cannot be stored fails with the same kind of message. The
/// runtime's helper is internal to it; this mirrors its options and wording.
/// </summary>
internal static class AzureBlobStateJson
{
    /// <summary>Web defaults: camelCase, case-insensitive reads, tolerant of added or removed members.</summary>
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize<TState>(TState state, string stateName, GrainId grainId)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(state, Options);
        }
        catch (Exception ex) when (IsSerializerFailure(ex))
        {
            throw new GrainStorageException(
                $"Could not serialize state '{stateName}' of type {Describe(typeof(TState))} for grain {grainId}: {ex.Message}",
                ex);
        }
    }

    /// <summary>Deserializes a payload read from <paramref name="location"/> (container and blob name), which errors name.</summary>
    public static TState Deserialize<TState>(ReadOnlySpan<byte> utf8Json, string stateName, GrainId grainId, string location)
    {
        try
        {
            // A state written as JSON null reads back as null: storage returns what was stored.
            return JsonSerializer.Deserialize<TState>(utf8Json, Options)!;
        }
        catch (Exception ex) when (IsSerializerFailure(ex))
        {
            throw new GrainStorageException(
                $"Could not deserialize state '{stateName}' of type {Describe(typeof(TState))} for grain {grainId} from '{location}': {ex.Message}",
                ex);
        }
    }

    /// <summary>A readable type name for messages: <c>List&lt;String&gt;</c>, not <c>List`1[...]</c>.</summary>
    internal static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var builder = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
        builder.AppendJoin(", ", type.GetGenericArguments().Select(Describe));
        return builder.Append('>').ToString();
    }

    // JsonException: bad or mismatched JSON, object cycles. NotSupportedException: a type the
    // serializer cannot handle. InvalidOperationException: an invalid contract.
    private static bool IsSerializerFailure(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException;
}
