using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Membership;

/// <summary>One silo's row in the membership table.</summary>
/// <param name="Silo">The silo incarnation.</param>
/// <param name="Status">Joining, Active, ShuttingDown or Dead.</param>
/// <param name="GatewayPort">Where cluster clients connect (0: not a gateway).</param>
/// <param name="StartTime">When the silo started.</param>
/// <param name="IAmAliveTime">The last time the silo said it was alive.</param>
/// <param name="Suspicions">Votes by other silos that this one is dead, with when they were cast.</param>
public sealed record MembershipEntry(
    SiloAddress Silo,
    SiloStatus Status,
    int GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    IReadOnlyList<SuspicionVote> Suspicions)
{
    public MembershipEntry WithStatus(SiloStatus status) => this with { Status = status };
}

/// <summary>A vote by <paramref name="Voter"/>, at <paramref name="Time"/>, that a silo is dead.</summary>
public sealed record SuspicionVote(SiloAddress Voter, DateTimeOffset Time);
