using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Calls one grain method on many grains of one interface with one message per destination
/// silo (carrying the call and the target keys), not one per grain. Used for fan-out.
/// </summary>
public interface IGrainMulticaster
{
    /// <summary>
    /// Runs <paramref name="call"/> on every grain of <typeparamref name="TGrainInterface"/> keyed
    /// by <paramref name="keys"/>. The call's arguments are evaluated once and shared by all
    /// targets, so they must be immutable. With <paramref name="activationOptional"/>, grains
    /// that are not in memory are skipped rather than activated. Completes when every target has
    /// handled the call; failures are counted, not thrown.
    /// </summary>
    /// <example><c>await multicaster.MulticastAsync&lt;IUserGrain&gt;(followers, g =&gt; g.DeliverAsync(entry), activationOptional: true);</c></example>
    Task<MulticastResult> MulticastAsync<TGrainInterface>(IReadOnlyCollection<string> keys, Func<TGrainInterface, Task> call, bool activationOptional)
        where TGrainInterface : IGrainWithStringKey;
}

/// <summary>What a multicast did.</summary>
/// <param name="Delivered">Targets that handled the call.</param>
/// <param name="Skipped">Targets not in memory, skipped because delivery was activation-optional.</param>
/// <param name="Failed">Targets whose call failed; <paramref name="FirstError"/> is one of their errors.</param>
/// <param name="FirstError">An error from a failed target, for logging; null when none failed.</param>
public sealed record MulticastResult(int Delivered, int Skipped, int Failed, Exception? FirstError);
