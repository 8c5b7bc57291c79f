using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The silo's <see cref="IGrainMulticaster"/>. Keys are grouped by owning silo: the local group
/// is delivered straight to the catalog, and every other group travels as one message.
/// </summary>
internal sealed class GrainMulticaster(GrainFactory grainFactory, Catalog catalog, PendingCallRegistry calls, ClusterCallRouter? router) : IGrainMulticaster
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
        var deadline = calls.NewDeadline();
        var chain = RequestContext.OutgoingChain();
        if (router is not null)
        {
            return await MulticastAcrossSilosAsync(router, proxy.GrainType, keys, request, activationOptional, deadline, chain);
        }

        return await MulticastHereAsync(proxy.GrainType, keys, request, activationOptional, deadline, chain);
    }

    private async Task<MulticastResult> MulticastAcrossSilosAsync(ClusterCallRouter router, string grainType, IReadOnlyCollection<string> keys, GrainRequest request, bool activationOptional, DateTimeOffset deadline, CallChain? chain)
    {
        var groups = keys.GroupBy(key => router.OwnerOf(new GrainId(grainType, key)));
        var parts = groups.Select(group => group.Key is not { } owner || owner == router.Self
            ? MulticastHereAsync(grainType, [.. group], request, activationOptional, deadline, chain)
            : router.MulticastToAsync(owner, grainType, [.. group], request, activationOptional, deadline, chain));
        var results = await Task.WhenAll(parts);
        return new MulticastResult(
            results.Sum(r => r.Delivered),
            results.Sum(r => r.Skipped),
            results.Sum(r => r.Failed),
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private async Task<MulticastResult> MulticastHereAsync(string grainType, IReadOnlyCollection<string> keys, GrainRequest request, bool activationOptional, DateTimeOffset deadline, CallChain? chain)
    {
        var batch = new MulticastBatch();
        catalog.Multicast(grainType, keys, request, activationOptional, batch, calls.NextRequestId, deadline, chain);
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
