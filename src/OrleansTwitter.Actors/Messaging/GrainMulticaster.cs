using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The silo's <see cref="IGrainMulticaster"/>. Every target lives in this silo for now, so the
/// one message per destination silo is a single local batch; the distributed runtime groups
/// the keys by owning silo and sends each group as one message.
/// </summary>
internal sealed class GrainMulticaster(GrainFactory grainFactory, Catalog catalog, PendingCallRegistry calls) : IGrainMulticaster
{
    public async Task<MulticastResult> MulticastAsync<TGrainInterface>(IReadOnlyCollection<string> keys, Func<TGrainInterface, Task> call, bool activationOptional)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(call);
        var proxy = grainFactory.GetProxyInfo(typeof(TGrainInterface));
        var capture = new CapturingInvoker();
        var captured = call((TGrainInterface)(object)proxy.Descriptor.ProxyFactory(capture, new GrainId(proxy.GrainType, "multicast")));
        await captured; // completed by the capturing invoker; rethrows if the lambda itself threw
        var request = capture.Captured ?? throw new ArgumentException("The multicast call did not call a grain method on its argument.", nameof(call));
        if (keys.Count == 0)
        {
            return new MulticastResult(0, 0, 0, null);
        }

        ActorsInstruments.MulticastTargets.Record(keys.Count);
        var batch = new MulticastBatch();
        var deadline = calls.TimeProvider.GetUtcNow() + calls.ResponseTimeout;
        catalog.Multicast(proxy.GrainType, keys, request, activationOptional, batch, calls.NextRequestId, deadline, RequestContext.OutgoingChain());
        try
        {
            await batch.Completion.WaitAsync(calls.ResponseTimeout, calls.TimeProvider);
        }
        catch (TimeoutException)
        {
            return batch.ToResult(new TimeoutException($"Multicast of {request} to {keys.Count} grains: some deliveries did not finish within {calls.ResponseTimeout}."));
        }

        return batch.ToResult();
    }
}
