namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>One entry read from a partition's stream.</summary>
/// <param name="Id">The Redis stream entry id, <c>milliseconds-sequence</c>.</param>
/// <param name="Envelope">The event envelope, or null when the entry has no <c>e</c> field (not written by this provider).</param>
/// <param name="Deliveries">How many times it has been delivered, this time included.</param>
internal sealed record QueueEntry(string Id, string? Envelope, int Deliveries);
