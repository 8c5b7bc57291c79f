using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// Writes a <see cref="SiloAddress"/> as its <c>host:port@generation</c> form, the same text
/// that names the silo's hash field, so a row reads the way operators see silos in logs.
/// </summary>
internal sealed class SiloAddressJsonConverter : JsonConverter<SiloAddress>
{
    public override SiloAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A silo address must be a string, not null.");
        try
        {
            return SiloAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, SiloAddress value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
