using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Tests.Grains;

public interface IImplicitConsumerGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<string>> GetReceivedAsync();

    Task<IReadOnlyList<string>> GetEventIdsAsync();
}

/// <summary>Consumes every stream of namespace "implicit-test" keyed like itself.</summary>
[ImplicitStreamSubscription(StreamTestNames.Implicit)]
public sealed class ImplicitConsumerGrain : Grain, IImplicitConsumerGrain, IAsyncObserver<string>
{
    private readonly List<string> _received = [];
    private readonly List<string> _eventIds = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(StreamProviderNames.Default)
            .GetStream<string>(StreamId.Create(StreamTestNames.Implicit, this.GetPrimaryKeyString()))
            .SubscribeAsync(this);

    public Task<IReadOnlyList<string>> GetReceivedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _received]);

    public Task<IReadOnlyList<string>> GetEventIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. _eventIds]);

    public Task OnNextAsync(string item, StreamEventContext context)
    {
        if (item == "fail")
        {
            throw new InvalidOperationException("the consumer rejected 'fail'");
        }

        _received.Add(item);
        _eventIds.Add(context.EventId);
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception exception) => Task.CompletedTask;
}

public interface IForgetfulConsumerGrain : IGrainWithStringKey
{
    Task PingAsync();
}

/// <summary>Implicitly subscribed, but never attaches a handler: deliveries must fail clearly.</summary>
[ImplicitStreamSubscription(StreamTestNames.Forgetful)]
public sealed class ForgetfulConsumerGrain : Grain, IForgetfulConsumerGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

public interface IExplicitConsumerGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamKey);

    Task UnsubscribeAllAsync(string streamKey);

    Task<IReadOnlyList<string>> GetReceivedAsync();

    Task DeactivateAsync();
}

/// <summary>Subscribes explicitly and resumes its subscriptions when it activates again.</summary>
public sealed class ExplicitConsumerGrain(
    [PersistentState("streams")] IPersistentState<SubscribedStreams> streams, LifecycleJournal journal)
    : Grain, IExplicitConsumerGrain, IAsyncObserver<string>
{
    private readonly List<string> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var key in streams.State.Keys)
        {
            foreach (var handle in await Stream(key).GetAllSubscriptionHandles())
            {
                await handle.ResumeAsync(this);
            }
        }
    }

    public async Task SubscribeAsync(string streamKey)
    {
        await Stream(streamKey).SubscribeAsync(this);
        streams.State.Keys.Add(streamKey);
        await streams.WriteStateAsync();
    }

    public async Task UnsubscribeAllAsync(string streamKey)
    {
        foreach (var handle in await Stream(streamKey).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetReceivedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _received]);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task OnNextAsync(string item, StreamEventContext context)
    {
        _received.Add(item);
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception exception) => Task.CompletedTask;

    private IAsyncStream<string> Stream(string key) =>
        this.GetStreamProvider(StreamProviderNames.Default).GetStream<string>(StreamId.Create(StreamTestNames.Explicit, key));
}

public sealed class SubscribedStreams
{
    public List<string> Keys { get; set; } = [];
}

public static class StreamTestNames
{
    public const string Implicit = "implicit-test";
    public const string Forgetful = "forgetful-test";
    public const string Explicit = "explicit-test";
}
