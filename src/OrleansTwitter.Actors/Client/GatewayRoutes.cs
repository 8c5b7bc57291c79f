using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Placement;

namespace OrleansTwitter.Actors.Client;

/// <summary>
/// Which gateway a client sends each grain's calls to, computed once per change of gateways or
/// membership instead of once per call. A call goes to the gateway of the silo that owns its
/// grain, so the gateway runs it instead of forwarding it to another silo. When the owner has no
/// gateway here, the grain's hash picks one, which forwards it (the silos decide ownership; the
/// client only guesses it, and a wrong guess costs a hop, never a duplicate activation).
/// Immutable: routing reads it with no lock while a new one is being built.
/// </summary>
internal sealed class GatewayRoutes
{
    private readonly GatewayConnection[] _usable;
    private readonly SiloAddress[] _silos;
    private readonly ulong[] _siloHashes;
    private readonly Dictionary<SiloAddress, GatewayConnection> _bySilo;

    private GatewayRoutes(GatewayConnection[] usable, SiloAddress[] silos, ulong[] siloHashes, Dictionary<SiloAddress, GatewayConnection> bySilo)
    {
        _usable = usable;
        _silos = silos;
        _siloHashes = siloHashes;
        _bySilo = bySilo;
    }

    public static GatewayRoutes Empty { get; } = new([], [], [], []);

    public int Count => _usable.Length;

    /// <summary>
    /// The routes over <paramref name="gateways"/> that are usable now. Owners are computed over
    /// <paramref name="view"/>'s active silos when the client reads the membership table (as the
    /// silos do), else over the gateways' own silos (static gateways: every silo is a gateway).
    /// </summary>
    public static GatewayRoutes Build(IEnumerable<GatewayConnection> gateways, MembershipView? view)
    {
        var usable = gateways.Where(g => g.IsUsable).OrderBy(g => g.Endpoint, StringComparer.Ordinal).ToArray();
        var bySilo = new Dictionary<SiloAddress, GatewayConnection>();
        foreach (var gateway in usable)
        {
            if (gateway.Silo is { } silo)
            {
                bySilo.TryAdd(silo, gateway);
            }
        }

        SiloAddress[] silos = view is { ActiveSilos.Count: > 0 } ? [.. view.ActiveSilos] : [.. bySilo.Keys.Order()];
        ulong[] hashes = view is { ActiveSilos.Count: > 0 } ? [.. view.ActiveSiloHashes] : [.. silos.Select(RendezvousPlacement.SiloHash)];
        return new GatewayRoutes(usable, silos, hashes, bySilo);
    }

    /// <summary>The gateway for <paramref name="target"/>, or null when none is usable (or this table went stale).</summary>
    public GatewayConnection? For(GrainId target)
    {
        if (_usable.Length == 0)
        {
            return null;
        }

        if (RendezvousPlacement.Owner(target, _silos, _siloHashes) is { } owner && _bySilo.TryGetValue(owner, out var atOwner))
        {
            return atOwner.IsUsable ? atOwner : null;
        }

        // The same grain goes through the same gateway while the list is stable, so its calls stay in order.
        var byHash = _usable[(int)(target.GetStableHash() % (ulong)_usable.Length)];
        return byHash.IsUsable ? byHash : null;
    }
}
