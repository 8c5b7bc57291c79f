namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// Membership and failure detection. Every silo probes every other active silo each
/// <see cref="ProbePeriod"/>; it votes against one after <see cref="MissedProbesLimit"/> missed
/// probes, or at once when the connection is refused (nothing listens there: the process is
/// gone). <see cref="VotesForDeath"/> votes (or every other active silo's, if fewer) declare it
/// Dead, and the silo that cast the deciding vote tells the others to re-read the table.
/// </summary>
/// <remarks>
/// With the defaults a silo killed with SIGKILL is out of every survivor's view within about
/// one <see cref="ProbePeriod"/> (measured in-process: 0.5–1.3 s), and one that stops
/// answering without refusing (frozen, partitioned) within about
/// <see cref="ProbePeriod"/> + <see cref="MissedProbesLimit"/> × <see cref="ProbeTimeout"/>
/// (3 s): both under the 5 s the cluster promises. Lower the period or the timeout for faster
/// detection, at the cost of more false suspicions under load.
/// </remarks>
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

    /// <summary>
    /// How often a silo re-reads the table. It also re-reads when a peer says it is leaving or
    /// has declared a silo dead, so this bounds detection only when that notice is lost.
    /// </summary>
    /// <value>1 second.</value>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a silo writes its I-am-alive time.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old a silo's I-am-alive time may be before one vote against it is enough to declare
    /// it dead. It takes over when too few silos are left to reach <see cref="VotesForDeath"/>:
    /// after two of three silos die at once, or when a cluster restarts and finds its earlier
    /// incarnation's rows still Active. A silo is never declared dead on its row's age alone; a
    /// survivor's probes must fail too, so clock skew between machines cannot kill a live silo.
    /// Keep it several times <see cref="IAmAlivePeriod"/>.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan IAmAliveExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting to a silo or gateway may take.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return "ClusterId must not be empty.";
        }

        foreach (var (name, value) in new[] { (nameof(ProbePeriod), ProbePeriod), (nameof(ProbeTimeout), ProbeTimeout), (nameof(DeathVoteExpiration), DeathVoteExpiration), (nameof(TableRefreshPeriod), TableRefreshPeriod), (nameof(IAmAlivePeriod), IAmAlivePeriod), (nameof(IAmAliveExpiration), IAmAliveExpiration), (nameof(ConnectTimeout), ConnectTimeout) })
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
