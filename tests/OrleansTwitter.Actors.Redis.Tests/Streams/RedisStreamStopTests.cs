using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>
/// An agent that stops (its silo leaves, or its queue moves to a silo that joined) leaves
/// nothing where the next owner finds it only after ClaimIdleTimeout: a read in flight is
/// delivered, and events whose delivery is failing are handed back. The next owner may have
/// finished its first scan (which takes everything pending) before the old agent stopped.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class RedisStreamStopTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    // Many poll intervals (10 ms): the agent's next read has started well before the stop.
    private static readonly TimeSpan ReadStarts = TimeSpan.FromMilliseconds(300);

    private readonly RedisStreamProbe _probe = new(redis);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task A_read_in_flight_when_the_silo_stops_is_delivered_and_acknowledged_not_left_pending()
    {
        await using var cluster = await TestCluster.StartAsync(1, s => _probe.Configure(s, o => o.Partitions = 1));
        var silo = cluster.Silos[0];
        var stream = silo.Services.GetRequiredKeyedService<IStreamProvider>(ProbeGrain.ProviderName)
            .GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, "k"));
        await stream.OnNextAsync(new ProbeEvent("k", 1));
        await _probe.Sink.WhenHandledAsync(1, Wait);

        await _probe.AppendAndPauseWritesAsync(0, new ProbeEvent("k", 2), Pause);
        await Task.Delay(ReadStarts);
        await cluster.StopSiloAsync(silo);

        Assert.Equal([1, 2], _probe.Sink.Handled.Select(e => e.Sequence));
        Assert.Equal(0, await _probe.PendingAsync(0));
    }

    [Fact]
    public async Task An_event_waiting_to_retry_when_the_silo_stops_is_handed_back_with_its_delivery_count()
    {
        // Retries far apart and a long claim timeout: the events are in the agent's hands, the
        // first waiting to retry, when the silo stops, and only a hand-back can make them look
        // abandoned. Queued before the silo starts, so its first read takes both.
        await _probe.AppendAsync(0, new ProbeEvent("k", 1), new ProbeEvent("k", 2));
        _probe.Sink.BeforeHandling = (_, _) => Task.FromException(new InvalidOperationException("the consumer is failing"));
        await using var cluster = await TestCluster.StartAsync(1, s => _probe.Configure(s, o =>
            (o.Partitions, o.RetryDelay, o.MaxRetryDelay, o.ClaimIdleTimeout) = (1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10))));
        var silo = cluster.Silos[0];
        await Eventually.SucceedsAsync("the first delivery failing", Wait, () =>
            Task.FromResult(_probe.Sink.Started >= 1 ? true : throw new InvalidOperationException("no delivery yet")));

        await cluster.StopSiloAsync(silo);

        // Both: the failing event and the one queued behind it in the same stream.
        var pending = await _probe.PendingEntriesAsync(0);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, entry =>
        {
            Assert.Equal(silo.Address!.ToString(), entry.Consumer);
            Assert.True(entry.Idle > TimeSpan.FromMinutes(10), $"{entry.Id} is idle {entry.Idle}: the next owner's scans would skip it until ClaimIdleTimeout.");
            Assert.Equal(1, entry.Deliveries);
        });
        Assert.Empty(_probe.Sink.Handled);
    }

    [Fact]
    public async Task Handing_back_makes_an_entry_claimable_at_once_but_never_takes_one_another_consumer_holds()
    {
        using var queues = _probe.CreateQueues();
        var idle = TimeSpan.FromMinutes(10);
        await _probe.HoldPendingAsync(0, "old", new ProbeEvent("k", 1));
        var id = Assert.Single(await _probe.PendingEntriesAsync(0)).Id;
        Assert.Empty((await queues.ClaimAsync(0, "next", idle, "0-0", 10, CancellationToken.None)).Entries);

        Assert.Equal(1, await queues.HandBackAsync(0, "old", [id], CancellationToken.None));

        var claimed = Assert.Single((await queues.ClaimAsync(0, "next", idle, "0-0", 10, CancellationToken.None)).Entries);
        Assert.Equal(id, claimed.Id);
        Assert.Equal(2, claimed.Deliveries);

        // "next" holds it now: a late hand-back by "old" must not make it claimable again.
        Assert.Equal(0, await queues.HandBackAsync(0, "old", [id], CancellationToken.None));
        Assert.Empty((await queues.ClaimAsync(0, "third", idle, "0-0", 10, CancellationToken.None)).Entries);
        Assert.Equal("next", Assert.Single(await _probe.PendingEntriesAsync(0)).Consumer);
    }
}
