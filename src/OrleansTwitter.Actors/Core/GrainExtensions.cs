using System.Globalization;

namespace OrleansTwitter.Actors.Core;

/// <summary>Key accessors for grains and grain references, as in Orleans.</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        Grain g => g.GrainId,
        GrainReference r => r.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static long GetPrimaryKeyLong(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return long.TryParse(id.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new InvalidOperationException($"Grain {id} does not have an integer key.");
    }

    public static Guid GetPrimaryKey(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return Guid.TryParseExact(id.Key, "N", out var key)
            ? key
            : throw new InvalidOperationException($"Grain {id} does not have a Guid key.");
    }
}
