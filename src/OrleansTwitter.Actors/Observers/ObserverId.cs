using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Observers;

/// <summary>
/// Where an observer lives, encoded in its <see cref="GrainId"/>: type <c>observer</c>, key
/// <c>silo|client|guid</c>. The silo part says which silo to route to (the observer's own silo,
/// or the gateway its client is connected to; <c>local</c> in a silo that is not networked),
/// and the client part, when present, which client connection that silo passes it to.
/// Placement never applies: an observer is an object in one process, not a grain.
/// </summary>
internal readonly record struct ObserverId(string Silo, string Client, Guid Handle)
{
    public const string GrainType = "observer";
    public const string LocalSilo = "local";

    public static bool Is(GrainId grain) => grain.Type == GrainType;

    public GrainId ToGrainId() => new(GrainType, $"{Silo}|{Client}|{Handle:N}");

    public SiloAddress? SiloAddress => Silo == LocalSilo ? null : Membership.SiloAddress.Parse(Silo);

    public static ObserverId Parse(GrainId grain)
    {
        var parts = grain.Key.Split('|');
        if (grain.Type != GrainType || parts.Length != 3 || !Guid.TryParseExact(parts[2], "N", out var handle))
        {
            throw new FormatException($"{grain} is not an observer reference.");
        }

        return new ObserverId(parts[0], parts[1], handle);
    }
}
