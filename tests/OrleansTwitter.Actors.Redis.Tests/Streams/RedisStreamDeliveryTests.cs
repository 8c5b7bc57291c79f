using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>The durable provider on one silo against a real redis-server.</summary>
[Trait("Category", "Streams")]
public sealed class RedisStreamDeliveryTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly RedisStreamProbe _probe = new(redis);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task Events_are_handled_exactly_once_and_in_order_per_stream_although_every_one_is_delivered_twice()
    {
        // Every first delivery "crashes" after the consumer handled the event and before the
        // acknowledgement: the provider must deliver it again, and the consumer must drop it.
        _probe.Sink.AfterHandling = (_, delivery) => delivery == 1 ? throw new InvalidOperationException("crash before the ack") : Task.CompletedTask;
        await using var silo = await TestSilo.StartAsync(s => _probe.Configure(s, o => o.Partitions = 2));
        var provider = silo.Client.GetStreamProvider(ProbeGrain.ProviderName);
        var streams = Enumerable.Range(0, 5).Select(i => $"s{i}").ToArray();

        foreach (var sequence in Enumerable.Range(1, 10))
        {
            await Task.WhenAll(streams.Select(s => provider.GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, s)).OnNextAsync(new ProbeEvent(s, sequence))));
        }

        await _probe.Sink.WhenHandledAsync(50, Wait);
        await Eventually.SucceedsAsync("every entry acknowledged", Wait, async () =>
            await _probe.PendingAsync(0) + await _probe.PendingAsync(1) == 0 ? true : throw new InvalidOperationException("entries still pending"));

        var handled = _probe.Sink.Handled;
        Assert.Equal(50, handled.Count);
        Assert.Equal(50, handled.Distinct().Count());
        foreach (var stream in streams)
        {
            Assert.Equal(Enumerable.Range(1, 10), handled.Where(e => e.Stream == stream).Select(e => e.Sequence));
        }

        Assert.True(_probe.Sink.TotalDeliveries >= 100, $"expected every event delivered at least twice, saw {_probe.Sink.TotalDeliveries} deliveries");
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_retried_then_dead_lettered_and_the_stream_goes_on()
    {
        var attemptsOfPoison = 0;
        _probe.Sink.BeforeHandling = (e, _) =>
        {
            if (e.Sequence == 2)
            {
                Interlocked.Increment(ref attemptsOfPoison);
                throw new FormatException("poison event 2");
            }

            return Task.CompletedTask;
        };
        await using var silo = await TestSilo.StartAsync(s => _probe.Configure(s, o => (o.Partitions, o.MaxDeliveryAttempts) = (1, 3)));
        var stream = silo.Client.GetStreamProvider(ProbeGrain.ProviderName).GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, "poisoned"));

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await stream.OnNextAsync(new ProbeEvent("poisoned", sequence));
        }

        await _probe.Sink.WhenHandledAsync(2, Wait);
        var dead = await Eventually.SucceedsAsync("the poison event in the dead-letter stream", Wait, async () =>
            await _probe.DeadLettersAsync() is { Count: 1 } letters ? letters[0] : throw new InvalidOperationException("no dead letter yet"));

        Assert.Equal([1, 3], _probe.Sink.Handled.Select(e => e.Sequence));
        Assert.Equal(3, Volatile.Read(ref attemptsOfPoison));
        Assert.Equal("3", dead["attempts"]);
        Assert.Contains("poison event 2", dead["error"], StringComparison.Ordinal);
        Assert.Contains("\"sequence\":2", dead["e"], StringComparison.Ordinal);
        Assert.Equal(0, await _probe.PendingAsync(0));
    }

    [Fact]
    public async Task A_stalled_consumer_holds_one_batch_and_publishing_stops_at_the_queue_limit_until_it_recovers()
    {
        _probe.Sink.BeforeHandling = (_, _) => _probe.Sink.Gate;
        await using var silo = await TestSilo.StartAsync(s => _probe.Configure(s, o => (o.Partitions, o.BatchSize, o.MaxQueueLength) = (1, 4, 300)));
        var provider = silo.Client.GetStreamProvider(ProbeGrain.ProviderName);

        // Each event on a stream of its own, so the whole batch is in delivery at once.
        var published = 0;
        RedisProviderException? full = null;
        while (full is null && published < 1000)
        {
            try
            {
                await provider.GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, $"x{published}")).OnNextAsync(new ProbeEvent($"x{published}", 1));
                published++;
            }
            catch (RedisProviderException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full);
        Assert.Contains("MaxQueueLength", full.Message, StringComparison.Ordinal);
        Assert.Equal(300, published);

        // The agent pulled one batch (at most 4: whatever had arrived when it read) and waits on
        // it: the other events are in Redis, not in the silo.
        var pending = await _probe.PendingAsync(0);
        Assert.InRange(pending, 1, 4);
        Assert.Equal(pending, _probe.Sink.Started);

        _probe.Sink.OpenGate();
        await _probe.Sink.WhenHandledAsync(300, Wait);
        await Eventually.SucceedsAsync("the queue drained and trimmed", Wait, async () =>
            await _probe.PendingAsync(0) == 0 && await _probe.LengthAsync(_probe.Partition(0)) < 300 ? true : throw new InvalidOperationException("not drained"));
        await provider.GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, "after")).OnNextAsync(new ProbeEvent("after", 1));
        await _probe.Sink.WhenHandledAsync(301, Wait);
    }

    [Fact]
    public async Task Trimming_keeps_the_queue_short_but_never_drops_an_event_another_consumer_still_holds()
    {
        await using var silo = await TestSilo.StartAsync(s => _probe.Configure(s, o =>
            (o.Partitions, o.BatchSize, o.ClaimIdleTimeout, o.ClaimInterval) = (1, 64, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200))));

        // A consumer that read an event and vanished (a silo that died mid-batch) holds it
        // pending; the agent may take it over only once it has been idle for 5 s.
        await _probe.HoldPendingAsync(0, "ghost", new ProbeEvent("ghost", 1));
        var fast = silo.Client.GetStreamProvider(ProbeGrain.ProviderName).GetStream<ProbeEvent>(StreamId.Create(ProbeGrain.Namespace, "fast"));
        for (var sequence = 1; sequence <= 2000; sequence++)
        {
            await fast.OnNextAsync(new ProbeEvent("fast", sequence));
        }

        // 2000 later entries are acknowledged and trimmed around the held one; it must survive
        // to be taken over and delivered, and then the queue shrinks.
        await _probe.Sink.WhenHandledAsync(2001, Wait);
        var length = await Eventually.SucceedsAsync("the queue trimmed", Wait, async () =>
        {
            var length = await _probe.LengthAsync(_probe.Partition(0));
            return await _probe.PendingAsync(0) == 0 && length <= 200 ? length : throw new InvalidOperationException($"length {length}");
        });
        Assert.InRange(length, 0, 200);
        Assert.Equal(Enumerable.Range(1, 2000), _probe.Sink.Handled.Where(e => e.Stream == "fast").Select(e => e.Sequence));
        Assert.Single(_probe.Sink.Handled, e => e.Stream == "ghost");
    }

    [Fact]
    public async Task Subscribing_outside_a_grain_is_refused_with_the_reason()
    {
        await using var silo = await TestSilo.StartAsync(s => _probe.Configure(s));
        var stream = silo.Client.GetStreamProvider(ProbeGrain.ProviderName).GetStream<ProbeEvent>(StreamId.Create("other", "k"));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => stream.SubscribeAsync(new IgnoringObserver()));

        Assert.Contains("outside a grain", error.Message, StringComparison.Ordinal);
        Assert.Contains("grain observer", error.Message, StringComparison.Ordinal);
    }

    private sealed class IgnoringObserver : IAsyncObserver<ProbeEvent>
    {
        public Task OnNextAsync(ProbeEvent item, StreamEventContext context) => Task.CompletedTask;

        public Task OnErrorAsync(Exception exception) => Task.CompletedTask;
    }
}
