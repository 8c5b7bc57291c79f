using System.Buffers;
using System.Text.Json;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// The on-disk record: <c>{ "version": N, "grainId": "...", "stateName": "...", "state": { ... } }</c>.
/// The grain id and state name are there for people reading the folder; the provider finds a
/// record by its path and trusts only the version and the state.
/// </summary>
internal static class FileGrainStorageRecord
{
    internal const string VersionProperty = "version";
    internal const string GrainIdProperty = "grainId";
    internal const string StateNameProperty = "stateName";
    internal const string StateProperty = "state";

    public static byte[] Format(long version, string stateName, GrainId grainId, byte[] stateJson)
    {
        var buffer = new ArrayBufferWriter<byte>(stateJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber(VersionProperty, version);
            writer.WriteString(GrainIdProperty, grainId.ToString());
            writer.WriteString(StateNameProperty, stateName);
            writer.WritePropertyName(StateProperty);

            // The payload came from the serializer a moment ago, so it is known to be valid JSON.
            writer.WriteRawValue(stateJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The record's version, checked under the lock before a write or clear. The whole shape is
    /// checked, not just the version, so a file that a read would call corrupt is never replaced.
    /// </summary>
    public static long ReadVersion(byte[] utf8, string path)
    {
        using var document = Parse(utf8, path);
        _ = GetState(document.RootElement, path);
        return GetVersion(document.RootElement, path);
    }

    public static TState ReadState<TState>(byte[] utf8, string path, string stateName, GrainId grainId, out long version)
    {
        using var document = Parse(utf8, path);
        version = GetVersion(document.RootElement, path);
        return GrainStateJson.Deserialize<TState>(GetState(document.RootElement, path), stateName, grainId, path);
    }

    private static JsonDocument Parse(byte[] utf8, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, $"it is not valid JSON ({ex.Message})", ex);
        }

        var kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw Corrupt(path, $"its root is a JSON {kind}, not an object");
        }

        return document;
    }

    private static long GetVersion(JsonElement root, string path)
    {
        if (root.TryGetProperty(VersionProperty, out var element)
            && element.ValueKind == JsonValueKind.Number
            && element.TryGetInt64(out var version)
            && version > 0)
        {
            return version;
        }

        throw Corrupt(path, $"it has no positive integer \"{VersionProperty}\"");
    }

    private static JsonElement GetState(JsonElement root, string path) =>
        root.TryGetProperty(StateProperty, out var state)
            ? state
            : throw Corrupt(path, $"it has no \"{StateProperty}\" property");

    // A corrupt record is never read as "no record": that would let the next write silently
    // replace whatever the file held, so the grain fails until someone repairs or deletes it.
    private static GrainStorageException Corrupt(string path, string reason, Exception? inner = null)
    {
        var message = $"The grain storage file '{path}' is corrupt: {reason}. Repair or delete the file; " +
            "the provider will not read it as empty or overwrite it.";
        return inner is null ? new GrainStorageException(message) : new GrainStorageException(message, inner);
    }
}
