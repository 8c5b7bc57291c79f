using Orleans.Concurrency;

namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>
/// One user in Orleans' Chirper sample's design: a grain per user that knows its followers and
/// keeps its own home timeline (entries with their bodies). A post calls every follower's grain
/// directly, waking it if it is not in memory. The key is the workload's user number.
/// </summary>
[Alias("bench.IChirperGrain")]
internal interface IChirperGrain : IGrainWithIntegerKey
{
    /// <summary>Sets who follows this user (the load; replaces any earlier list).</summary>
    [Alias("SetFollowersAsync")]
    Task SetFollowersAsync(int[] followers);

    /// <summary>Replaces the home timeline with <paramref name="entries"/>, newest first (the load of an active user's history).</summary>
    [Alias("SetTimelineAsync")]
    Task SetTimelineAsync(ChirpEntry[] entries);

    /// <summary>Adds the chirp to this user's timeline and calls every follower's grain with it; returns when all have it.</summary>
    [Alias("PostAsync")]
    Task PostAsync(ChirpEntry chirp);

    /// <summary>Called by a followee's grain: the chirp joins this user's timeline.</summary>
    /// <remarks>
    /// Interleaved: two users who follow each other and post at once each wait for the other's
    /// delivery, which would deadlock a non-reentrant grain until the call timed out. It only
    /// appends to a list, with no await, so interleaving it changes nothing else.
    /// </remarks>
    [AlwaysInterleave]
    [Alias("ReceiveAsync")]
    Task ReceiveAsync(ChirpEntry chirp);

    /// <summary>The newest <paramref name="limit"/> entries, newest first, with their bodies.</summary>
    [Alias("ReadAsync")]
    Task<ChirpEntry[]> ReadAsync(int limit);
}
