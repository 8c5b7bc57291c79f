using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Placement;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// Runs, on one silo, the pulling agents of the partitions it owns. A partition belongs to a
/// silo by the same rendezvous hashing over active silos that places grains, so every silo
/// agrees without coordination; when the view changes, agents start and stop accordingly, and
/// a new owner takes over what the previous one left unacknowledged.
/// </summary>
internal sealed class RedisStreamAgents(RedisStreamProvider provider) : ISiloLifecycleParticipant
{
    private readonly Dictionary<int, RedisPartitionAgent> _agents = [];
    private readonly Lock _lock = new();
    private Silo? _silo;
    private string _consumer = string.Empty;
    private bool _stopped;

    /// <summary>The partitions this silo pulls now, for tests and diagnostics.</summary>
    public IReadOnlyList<int> OwnedPartitions
    {
        get
        {
            lock (_lock)
            {
                return [.. _agents.Keys.Order()];
            }
        }
    }

    public Task OnSiloStartedAsync(Silo silo, CancellationToken cancellationToken)
    {
        _silo = silo;

        // A silo address includes its generation, so a restarted silo is a new consumer and
        // takes over its previous incarnation's entries like any other owner's.
        _consumer = silo.Address?.ToString() ?? $"local-{Guid.NewGuid():N}";
        silo.MembershipViewChanged += Rebalance;
        Rebalance(silo.MembershipView);
        return Task.CompletedTask;
    }

    public async Task OnSiloStoppingAsync(CancellationToken cancellationToken)
    {
        var agents = Detach();
        try
        {
            await Task.WhenAll(agents.Select(a => a.StopAsync())).WaitAsync(provider.Options.ShutdownTimeout, provider.Time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A consumer that does not return must not hold the silo's shutdown; the next owners redeliver.
            RedisStreamLog.StopTimedOut(provider.Logger, provider.Name, provider.Options.ShutdownTimeout);
        }
    }

    public void OnSiloKilled()
    {
        foreach (var agent in Detach())
        {
            agent.Kill();
        }
    }

    /// <summary>The partition's owner in <paramref name="view"/>; a silo without a cluster owns every partition.</summary>
    internal static bool Owns(SiloAddress? self, MembershipView? view, string providerName, int partition) =>
        view is null || self is null || RendezvousPlacement.Owner(new GrainId("stream-queue", $"{providerName}/{partition}"), view) == self;

    private void Rebalance(MembershipView? view)
    {
        var silo = _silo!;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var changed = false;
            for (var partition = 0; partition < provider.Options.Partitions; partition++)
            {
                var owns = Owns(silo.Address, view, provider.Name, partition);
                if (owns && !_agents.ContainsKey(partition))
                {
                    var agent = new RedisPartitionAgent(provider, partition, _consumer);
                    _agents[partition] = agent;
                    agent.Start();
                    changed = true;
                }
                else if (!owns && _agents.Remove(partition, out var lost))
                {
                    // Not awaited: it finishes its batch while the new owner starts.
                    _ = lost.StopAsync();
                    changed = true;
                }
            }

            if (changed)
            {
                RedisStreamLog.Owning(provider.Logger, provider.Name, string.Join(",", _agents.Keys.Order()), _consumer);
            }
        }
    }

    private List<RedisPartitionAgent> Detach()
    {
        _silo?.MembershipViewChanged -= Rebalance;
        lock (_lock)
        {
            _stopped = true;
            var agents = _agents.Values.ToList();
            _agents.Clear();
            return agents;
        }
    }
}
