using System.Diagnostics.Metrics;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>The Redis stream provider's metrics, on the runtime's <c>OrleansTwitter.Actors</c> meter.</summary>
internal static class RedisStreamInstruments
{
    public static readonly Counter<long> Published =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.published", "{event}", "Events queued in Redis.");

    public static readonly Counter<long> Delivered =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.delivered", "{event}", "Events delivered to all their subscribers and acknowledged.");

    public static readonly Counter<long> Retried =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.retried", "{event}", "Deliveries that failed and were tried again.");

    public static readonly Counter<long> Claimed =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.claimed", "{event}", "Unacknowledged events taken over from another consumer.");

    public static readonly Counter<long> DeadLettered =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.dead_lettered", "{event}", "Events moved to the dead-letter stream after too many failed deliveries.");

    public static readonly Counter<long> HandedBack =
        ActorsInstruments.Meter.CreateCounter<long>("orleanstwitter.actors.streams.redis.handed_back", "{event}", "Undelivered events a stopping agent handed back to the queue's next owner.");
}
