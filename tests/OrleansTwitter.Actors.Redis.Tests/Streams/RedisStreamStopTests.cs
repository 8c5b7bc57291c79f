using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>
/// An agent that stops (its silo leaves, or its queue moves to a silo that joined) while a read
/// is in flight delivers what the read returns. Abandoning it left the entries pending under
/// the stopped agent's name, where the next owner takes them only after ClaimIdleTimeout.
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
}
