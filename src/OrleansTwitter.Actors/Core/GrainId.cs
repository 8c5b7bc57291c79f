using System.Globalization;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// The identity of a grain: its grain type (derived from the grain class) and its key. Integer
/// keys are stored as invariant decimal strings and Guid keys in "N" format, so the identity
/// is one string pair whatever the key kind.
/// </summary>
public readonly record struct GrainId
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    /// <summary>The grain type, for example <c>user</c> for <c>UserGrain</c>.</summary>
    public string Type { get; }

    /// <summary>The key, as a string.</summary>
    public string Key { get; }

    public static GrainId FromString(string type, string key) => new(type, key);

    public static GrainId FromInteger(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    public static GrainId FromGuid(string type, Guid key) => new(type, key.ToString("N"));

    /// <summary>
    /// A hash that is the same in every process and on every machine (string.GetHashCode is
    /// randomised per process), so that placement decisions agree across the cluster.
    /// </summary>
    public ulong GetStableHash() => StableHash.Fnv1a64(Type, Key);

    public override string ToString() => $"{Type}/{Key}";
}
