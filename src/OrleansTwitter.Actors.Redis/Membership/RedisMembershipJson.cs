using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// The stored form of a row: <see cref="MembershipEntry"/> as JSON with web defaults (camelCase,
/// tolerant of added members, so silos of two versions share a table during a rolling upgrade),
/// the status by name and the silo addresses in their text form. Times keep their offset and all
/// seven fractional digits, so a row reads back exactly as written.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    Converters = [typeof(SiloAddressJsonConverter), typeof(JsonStringEnumConverter<SiloStatus>)])]
[JsonSerializable(typeof(MembershipEntry))]
internal sealed partial class RedisMembershipJson : JsonSerializerContext
{
    public static string Serialize(MembershipEntry entry) => JsonSerializer.Serialize(entry, Default.MembershipEntry);

    /// <exception cref="JsonException">The text is not a row.</exception>
    public static MembershipEntry Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.MembershipEntry) ?? throw new JsonException("A row must be an object, not null.");
}
