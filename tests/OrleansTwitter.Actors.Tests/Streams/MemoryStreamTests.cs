using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Streams;

public sealed class MemoryStreamTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly LifecycleJournal _journal = new();

    private Task<TestSilo> StartSilo() => TestSilo.StartAsync(silo =>
    {
        silo.Services.AddSingleton(_journal);
        silo.AddMemoryStreams();
    });

    private static IAsyncStream<string> Stream(TestSilo silo, string ns, string key) =>
        silo.Client.GetStreamProvider(StreamProviderNames.Default).GetStream<string>(StreamId.Create(ns, key));

    [Fact]
    public async Task An_event_activates_the_implicit_subscriber_keyed_like_the_stream_and_is_handled_before_publish_completes()
    {
        await using var silo = await StartSilo();
        var stream = Stream(silo, StreamTestNames.Implicit, "author-1");

        await stream.OnNextAsync("first").WaitAsync(Wait);
        await stream.OnNextAsync("second").WaitAsync(Wait);

        var consumer = silo.GrainFactory.GetGrain<IImplicitConsumerGrain>("author-1");
        Assert.Equal(["first", "second"], await consumer.GetReceivedAsync());
        var eventIds = await consumer.GetEventIdsAsync();
        Assert.Equal(2, eventIds.Distinct().Count());
        Assert.Empty(await silo.GrainFactory.GetGrain<IImplicitConsumerGrain>("author-2").GetReceivedAsync());
    }

    [Fact]
    public async Task A_consumer_that_throws_faults_the_publish_with_its_exception()
    {
        await using var silo = await StartSilo();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Stream(silo, StreamTestNames.Implicit, "rejects").OnNextAsync("fail").WaitAsync(Wait));

        Assert.Equal("the consumer rejected 'fail'", error.Message);
    }

    [Fact]
    public async Task An_implicit_subscriber_without_a_handler_fails_the_delivery_with_instructions()
    {
        await using var silo = await StartSilo();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Stream(silo, StreamTestNames.Forgetful, "k").OnNextAsync("x").WaitAsync(Wait));

        Assert.Contains("call SubscribeAsync on the stream in OnActivateAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_subscription_survives_deactivation_and_ends_on_unsubscribe()
    {
        await using var silo = await StartSilo();
        var consumer = silo.GrainFactory.GetGrain<IExplicitConsumerGrain>("explicit-consumer");
        var stream = Stream(silo, StreamTestNames.Explicit, "topic");
        await consumer.SubscribeAsync("topic");

        await stream.OnNextAsync("before").WaitAsync(Wait);
        Assert.Equal(["before"], await consumer.GetReceivedAsync());

        await consumer.DeactivateAsync();
        await _journal.WaitForAsync("deactivate:explicit-consumer", Wait);
        await stream.OnNextAsync("after reactivation").WaitAsync(Wait);
        Assert.Equal(["after reactivation"], await consumer.GetReceivedAsync());

        await consumer.UnsubscribeAllAsync("topic");
        await stream.OnNextAsync("after unsubscribe").WaitAsync(Wait);
        Assert.Equal(["after reactivation"], await consumer.GetReceivedAsync());
    }

    [Fact]
    public async Task A_client_in_the_silo_process_can_subscribe_and_unsubscribe()
    {
        await using var silo = await StartSilo();
        var stream = Stream(silo, StreamTestNames.Explicit, "client-topic");
        var observer = new RecordingObserver();

        var handle = await stream.SubscribeAsync(observer);
        await stream.OnNextAsync("one").WaitAsync(Wait);
        await handle.UnsubscribeAsync();
        await stream.OnNextAsync("two").WaitAsync(Wait);

        Assert.Equal(["one"], observer.Items);
    }

    [Fact]
    public async Task Concurrent_publishers_deliver_every_event_exactly_once()
    {
        await using var silo = await StartSilo();
        var stream = Stream(silo, StreamTestNames.Implicit, "busy");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => stream.OnNextAsync($"e{i}")))).WaitAsync(Wait);

        var received = await silo.GrainFactory.GetGrain<IImplicitConsumerGrain>("busy").GetReceivedAsync();
        Assert.Equal(200, received.Count);
        Assert.Equal(200, received.Distinct().Count());
    }

    [Fact]
    public async Task Asking_for_an_unregistered_provider_names_it()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Client.GetStreamProvider("Nope"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingObserver : IAsyncObserver<string>
    {
        private readonly List<string> _items = [];

        public IReadOnlyList<string> Items
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }

        public Task OnNextAsync(string item, StreamEventContext context)
        {
            lock (_items)
            {
                _items.Add(item);
            }

            return Task.CompletedTask;
        }

        public Task OnErrorAsync(Exception exception) => Task.CompletedTask;
    }
}
