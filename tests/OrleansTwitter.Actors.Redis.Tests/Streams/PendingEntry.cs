namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>One entry of a queue's pending list: delivered to a consumer and not acknowledged.</summary>
internal sealed record PendingEntry(string Id, string Consumer, TimeSpan Idle, int Deliveries);
