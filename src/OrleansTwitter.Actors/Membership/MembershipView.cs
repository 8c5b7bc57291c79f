using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Membership;

/// <summary>What one silo currently believes about the cluster: the table at a version, with the active silos sorted.</summary>
public sealed class MembershipView
{
    public MembershipView(MembershipSnapshot snapshot)
    {
        Snapshot = snapshot;
        ActiveSilos = [.. snapshot.Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).Order()];
        Signature = string.Join(";", snapshot.Entries.OrderBy(e => e.Silo).Select(e => $"{e.Silo}={e.Status}"));
        ActiveSiloHashes = [.. ActiveSilos.Select(Placement.RendezvousPlacement.SiloHash)];
    }

    public static MembershipView Empty { get; } = new(MembershipSnapshot.Empty);

    public MembershipSnapshot Snapshot { get; }

    public long Version => Snapshot.Version;

    /// <summary>Every silo and its status: two views with equal signatures route the same way.</summary>
    public string Signature { get; }

    /// <summary>The silos placement may choose, in a stable order.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; }

    /// <summary>Each active silo's stable hash, in <see cref="ActiveSilos"/> order, computed once per view for placement.</summary>
    public IReadOnlyList<ulong> ActiveSiloHashes { get; }

    public SiloStatus? StatusOf(SiloAddress silo) => Snapshot.Find(silo)?.Status;

    /// <summary>Active silos that accept clients, with their gateway endpoints.</summary>
    public IEnumerable<(SiloAddress Silo, int GatewayPort)> Gateways =>
        Snapshot.Entries.Where(e => e.Status == SiloStatus.Active && e.GatewayPort > 0).Select(e => (e.Silo, e.GatewayPort));
}
