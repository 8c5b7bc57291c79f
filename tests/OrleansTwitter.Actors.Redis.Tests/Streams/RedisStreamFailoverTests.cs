using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Redis.Streams;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>The durable provider across silos: queues change owners, and nothing is lost when one dies.</summary>
[Trait("Category", "Cluster")]
public sealed class RedisStreamFailoverTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);
    private readonly RedisStreamProbe _probe = new(redis);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task When_a_queue_owner_is_killed_the_new_owner_delivers_what_it_left_unacknowledged()
    {
        // The claim timeout is long, so only the change of ownership can explain a takeover.
        await using var cluster = await TestCluster.StartAsync(3, s => _probe.Configure(s, o =>
            (o.Partitions, o.ClaimIdleTimeout) = (1, TimeSpan.FromMinutes(10))));
        var owner = Assert.Single(cluster.Silos, s => RedisStreamAgents.Owns(s.Address, s.Silo.MembershipView, ProbeGrain.ProviderName, 0));

        // The consumer stalls on the first event, so the owner holds the batch unacknowledged.
        _probe.Sink.BeforeHandling = (e, delivery) => e.Sequence == 1 && delivery == 1 ? _probe.Sink.Gate : Task.CompletedTask;
        var survivor = cluster.Silos.First(s => s != owner);
        var stream = GetStream(survivor);
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            await stream.OnNextAsync(new ProbeEvent("k", sequence));
        }

        await Eventually.SucceedsAsync("the owner delivering the first event", Wait, () =>
            Task.FromResult(_probe.Sink.Started >= 1 ? true : throw new InvalidOperationException("no delivery yet")));
        Assert.Empty(_probe.Sink.Handled);

        await cluster.KillSiloAsync(owner);
        await cluster.WaitForActiveSilosAsync(2, Wait);
        _probe.Sink.OpenGate();

        await _probe.Sink.WhenHandledAsync(5, Wait);
        Assert.Equal([1, 2, 3, 4, 5], _probe.Sink.Handled.Select(e => e.Sequence));
        var newOwner = Assert.Single(cluster.LiveSilos, s => RedisStreamAgents.Owns(s.Address, s.Silo.MembershipView, ProbeGrain.ProviderName, 0));
        Assert.NotEqual(owner, newOwner);
        await Eventually.SucceedsAsync("every entry acknowledged", Wait, async () =>
            await _probe.PendingAsync(0) == 0 ? true : throw new InvalidOperationException("entries still pending"));
    }

    [Fact]
    public async Task Queues_spread_over_the_silos_and_follow_a_join_without_losing_events()
    {
        await using var cluster = await TestCluster.StartAsync(2, s => _probe.Configure(s, o => o.Partitions = 8));
        var stream = GetStream(cluster.Silos[0]);
        for (var sequence = 1; sequence <= 100; sequence++)
        {
            await stream.OnNextAsync(new ProbeEvent("k", sequence));
        }

        await cluster.StartAdditionalSiloAsync();
        var streams = Enumerable.Range(0, 20).Select(i => GetStream(cluster.Silos[2], $"j{i}")).ToList();
        for (var sequence = 1; sequence <= 10; sequence++)
        {
            await Task.WhenAll(streams.Select(s => s.OnNextAsync(new ProbeEvent(s.StreamId.Key, sequence))));
        }

        await _probe.Sink.WhenHandledAsync(300, Wait);
        var owners = Enumerable.Range(0, 8).Select(p => Assert.Single(cluster.LiveSilos, s => RedisStreamAgents.Owns(s.Address, s.Silo.MembershipView, ProbeGrain.ProviderName, p))).ToList();
        Assert.True(owners.Distinct().Count() > 1, "8 queues over 3 silos should not all land on one");
        Assert.Equal(Enumerable.Range(1, 100), _probe.Sink.Handled.Where(e => e.Stream == "k").Select(e => e.Sequence));
        Assert.All(streams, s => Assert.Equal(Enumerable.Range(1, 10), _probe.Sink.Handled.Where(e => e.Stream == s.StreamId.Key).Select(e => e.Sequence)));
    }

    private static IAsyncStream<ProbeEvent> GetStream(TestClusterSilo silo, string key = "k") =>
        silo.Services.GetRequiredKeyedService<IStreamProvider>(ProbeGrain.ProviderName).GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, key));
}
