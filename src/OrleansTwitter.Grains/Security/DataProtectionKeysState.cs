namespace OrleansTwitter.Grains.Security;

/// <summary>The persisted state of a <see cref="DataProtectionKeysGrain"/>: the key ring's elements, oldest first.</summary>
[GenerateSerializer, Alias("ot.DataProtectionKeysState")]
internal sealed class DataProtectionKeysState
{
    public const string Name = "dataprotection";

    [Id(0)]
    public List<DataProtectionElement> Elements { get; set; } = [];
}

/// <summary>One key-ring element as Data Protection stored it.</summary>
/// <param name="FriendlyName">The name Data Protection gave it (for keys, <c>key-{id}</c>).</param>
/// <param name="Xml">The element's XML.</param>
[GenerateSerializer, Immutable, Alias("ot.DataProtectionElement")]
internal sealed record DataProtectionElement([property: Id(0)] string FriendlyName, [property: Id(1)] string Xml);
