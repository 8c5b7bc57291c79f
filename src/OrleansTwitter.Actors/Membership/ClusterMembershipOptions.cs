namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// Membership and failure detection. With the defaults a silo killed with SIGKILL is
/// declared dead within about 3 s: probes every <see cref="ProbePeriod"/>, a vote after
/// <see cref="MissedProbesLimit"/> misses, death at <see cref="VotesForDeath"/> votes (or every
/// other active silo's vote, if fewer). Lower the period for faster detection, at the cost of
/// more false suspicions under load.
/// </summary>
public sealed class ClusterMembershipOptions
{
    /// <summary><c>Cluster:ClusterId</c>: silos with the same id form one cluster.</summary>
    /// <value><c>dev</c>.</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary>How often each silo probes every other active silo.</summary>
    /// <value>1 second.</value>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may go unanswered before it counts as missed.</summary>
    /// <value>1 second.</value>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes before a silo votes that the other is dead.</summary>
    /// <value>2.</value>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>Votes that declare a silo dead (capped at the number of other active silos).</summary>
    /// <value>2.</value>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>How long a vote counts.</summary>
    /// <value>20 seconds.</value>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a silo re-reads the table (it also re-reads whenever a peer says it changed).</summary>
    /// <value>1 second.</value>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a silo writes its I-am-alive time.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long connecting to a silo or gateway may take.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return "ClusterId must not be empty.";
        }

        foreach (var (name, value) in new[] { (nameof(ProbePeriod), ProbePeriod), (nameof(ProbeTimeout), ProbeTimeout), (nameof(DeathVoteExpiration), DeathVoteExpiration), (nameof(TableRefreshPeriod), TableRefreshPeriod), (nameof(IAmAlivePeriod), IAmAlivePeriod), (nameof(ConnectTimeout), ConnectTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{name} must be positive; it is {value}.";
            }
        }

        if (MissedProbesLimit < 1)
        {
            yield return $"{nameof(MissedProbesLimit)} must be at least 1; it is {MissedProbesLimit}.";
        }

        if (VotesForDeath < 1)
        {
            yield return $"{nameof(VotesForDeath)} must be at least 1; it is {VotesForDeath}.";
        }
    }
}
