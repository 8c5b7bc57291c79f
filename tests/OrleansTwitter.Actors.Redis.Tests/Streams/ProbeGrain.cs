using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>An event of the probe streams: which stream and its sequence number there.</summary>
public sealed record ProbeEvent(string Stream, int Sequence);

public interface IProbeGrain : IGrainWithStringKey
{
    Task<string> KeyAsync();
}

/// <summary>
/// Consumes the "probe" stream of its own key (implicitly subscribed) and hands every delivery
/// to the test's <see cref="ProbeSink"/>, which plays the consumer's durable state.
/// </summary>
[ImplicitStreamSubscription(ProbeGrain.Namespace)]
public sealed class ProbeGrain(ProbeSink sink) : Grain, IProbeGrain, IAsyncObserver<ProbeEvent>
{
    public const string Namespace = "probe";
    public const string ProviderName = "Durable";

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(ProviderName).GetStream<ProbeEvent>(StreamId.Create(Namespace, this.GetPrimaryKeyString())).SubscribeAsync(this);

    public Task<string> KeyAsync() => Task.FromResult(this.GetPrimaryKeyString());

    public Task OnNextAsync(ProbeEvent item, StreamEventContext context) => sink.DeliverAsync(item, context);

    public Task OnErrorAsync(Exception exception) => Task.CompletedTask;
}
