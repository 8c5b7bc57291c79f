using Orleans.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// The failure-detection settings we ship, applied before <c>Orleans:ClusterMembership:*</c> is
/// bound, so an operator can still change each one.
/// </summary>
/// <remarks>
/// Orleans' defaults (a 5 s probe timeout, three missed probes) take over 10 s to declare a
/// killed silo dead; calls routed to it fail for that long. With a 1 s probe and two missed
/// probes, each surviving silo votes within about 2 s of the kill, and the death is declared
/// once two silos agree, well within 5 s on three silos. The price is more false suspicion of a
/// silo that stalls for over 2 s (a long GC pause, a starved container), and this is what keeps
/// one slow silo from evicting a healthy one:
/// <list type="bullet">
/// <item><see cref="ClusterMembershipOptions.NumVotesForDeathDeclaration"/> stays 2, so a single
/// suspicious silo (perhaps the slow one itself) cannot evict anyone;</item>
/// <item>indirect probes stay on, so a suspicion is confirmed through another silo first;</item>
/// <item>a silo that monitors its own health as degraded extends its probe timeouts and its
/// votes count less (Orleans' local health degradation monitor, on by default).</item>
/// </list>
/// Clients refresh their gateway list every 2 s instead of every minute, so they know a new
/// silo before the old one is stopped during a rolling upgrade.
/// </remarks>
public static class MembershipDefaults
{
    /// <summary>How long a probe may go unanswered.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo votes its peer dead.</summary>
    public const int NumMissedProbesLimit = 2;

    /// <summary>Votes that declare a silo dead.</summary>
    public const int NumVotesForDeathDeclaration = 2;

    /// <summary>How often a silo rereads the membership table even with no change announced.</summary>
    public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often a client rereads the gateway list.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(2);

    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
        options.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        options.TableRefreshTimeout = TableRefreshTimeout;
    }
}
