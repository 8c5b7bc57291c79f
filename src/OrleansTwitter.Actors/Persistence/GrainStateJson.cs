using System.Text;
using System.Text.Json;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Serializes grain state payloads for the storage providers. Every provider (the runtime's and
/// those in other assemblies, such as AzureBlob) goes through here, so that a state type which
/// round-trips through one provider round-trips through all of them, and a type that cannot be
/// stored fails the same way everywhere.
/// </summary>
public static class GrainStateJson
{
    /// <summary>
    /// Web defaults (camelCase, case-insensitive reads) match what the messaging layer puts on
    /// the wire, and tolerate added or removed members across a rolling upgrade.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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

    public static TState Deserialize<TState>(ReadOnlySpan<byte> utf8Json, string stateName, GrainId grainId)
    {
        try
        {
            // A state written as JSON null reads back as null: storage returns what was stored.
            return JsonSerializer.Deserialize<TState>(utf8Json, Options)!;
        }
        catch (Exception ex) when (IsSerializerFailure(ex))
        {
            throw DeserializeFailure<TState>(stateName, grainId, location: null, ex);
        }
    }

    /// <summary>Deserializes a payload read from <paramref name="location"/> (a blob name), which errors name.</summary>
    public static TState Deserialize<TState>(ReadOnlySpan<byte> utf8Json, string stateName, GrainId grainId, string location)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(utf8Json, Options)!;
        }
        catch (Exception ex) when (IsSerializerFailure(ex))
        {
            throw DeserializeFailure<TState>(stateName, grainId, location, ex);
        }
    }

    /// <summary>Deserializes a payload read from <c>location</c> (a file path), which errors name.</summary>
    public static TState Deserialize<TState>(JsonElement element, string stateName, GrainId grainId, string location)
    {
        try
        {
            return element.Deserialize<TState>(Options)!;
        }
        catch (Exception ex) when (IsSerializerFailure(ex))
        {
            throw DeserializeFailure<TState>(stateName, grainId, location, ex);
        }
    }

    /// <summary>A readable type name for messages: <c>List&lt;String&gt;</c>, not <c>List`1[...]</c>.</summary>
    public static string Describe(Type type)
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

    private static GrainStorageException DeserializeFailure<TState>(string stateName, GrainId grainId, string? location, Exception ex)
    {
        var where = location is null ? string.Empty : $" from '{location}'";
        return new GrainStorageException(
            $"Could not deserialize state '{stateName}' of type {Describe(typeof(TState))} for grain {grainId}{where}: {ex.Message}",
            ex);
    }

    // JsonException: bad or mismatched JSON, object cycles. NotSupportedException: a type the
    // serializer cannot handle (no usable constructor, delegates, pointers).
    // InvalidOperationException: an invalid contract such as conflicting property names.
    private static bool IsSerializerFailure(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException;
}
