using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing: a grain belongs to the active silo whose
/// hash with the grain's id is highest. Every silo computes the same owner from the same
/// view with no directory, and a join or leave moves only the grains that gain or lose that
/// one silo (about 1/N of them).
/// </summary>
internal static class RendezvousPlacement
{
    public static SiloAddress? Owner(GrainId grain, MembershipView view) => Owner(grain, view.ActiveSilos, view.ActiveSiloHashes);

    /// <summary>
    /// The owner among <paramref name="silos"/> (sorted, as <see cref="MembershipView.ActiveSilos"/>
    /// is), whose hashes are <paramref name="hashes"/> (<see cref="SiloHash"/>, same order).
    /// </summary>
    public static SiloAddress? Owner(GrainId grain, IReadOnlyList<SiloAddress> silos, IReadOnlyList<ulong> hashes)
    {
        if (silos.Count == 0)
        {
            return null;
        }

        var grainHash = grain.GetStableHash();
        var best = 0;
        var bestScore = Score(grainHash, hashes[0]);
        for (var i = 1; i < silos.Count; i++)
        {
            var score = Score(grainHash, hashes[i]);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return silos[best];
    }

    /// <summary>A silo's placement hash: its endpoint and generation, so a restarted silo owns anew.</summary>
    public static ulong SiloHash(SiloAddress silo) =>
        StableHash.Fnv1a64(silo.Endpoint, silo.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // A 64-bit mix (splitmix64's finaliser) of the grain hash and the silo's hash: cheap, and
    // uniform enough that ownership spreads evenly over the silos.
    private static ulong Score(ulong grainHash, ulong siloHash)
    {
        var z = grainHash ^ siloHash;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
