namespace OrleansTwitter.Actors.Membership;

/// <summary>The whole table at one version. Every change to a row's status or votes bumps the version.</summary>
public sealed record MembershipSnapshot(long Version, IReadOnlyList<MembershipEntry> Entries)
{
    public static MembershipSnapshot Empty { get; } = new(0, []);

    public MembershipEntry? Find(SiloAddress silo) => Entries.FirstOrDefault(e => e.Silo == silo);
}
