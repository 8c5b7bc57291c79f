using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Redis.Streams;

internal static partial class RedisStreamLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information,
        Message = "Stream provider '{Provider}' now pulls queues [{Partitions}] on {Silo}.")]
    public static partial void Owning(ILogger logger, string provider, string partitions, string silo);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information,
        Message = "Stream provider '{Provider}' took over {Count} unacknowledged events of queue {Partition}.")]
    public static partial void Claimed(ILogger logger, string provider, int count, int partition);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning,
        Message = "Stream provider '{Provider}' failed to deliver event {EventId} of {Stream} (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}.")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string provider, string eventId, string stream, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Error,
        Message = "Stream provider '{Provider}' moved event {EventId} of {Stream} to the dead-letter stream {DeadLetters} after {Attempts} failed deliveries: {Error}")]
    public static partial void DeadLettered(ILogger logger, string provider, string eventId, string stream, string deadLetters, int attempts, string error);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning,
        Message = "Stream provider '{Provider}': the agent of queue {Partition} failed and starts again in {Delay}.")]
    public static partial void AgentFailed(ILogger logger, Exception exception, string provider, int partition, TimeSpan delay);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Information,
        Message = "Stream provider '{Provider}' publishes to {Partitions} Redis queues {Keys}.")]
    public static partial void Created(ILogger logger, string provider, int partitions, string keys);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning,
        Message = "Stream provider '{Provider}': agents still delivering after {Timeout} of the silo's shutdown are left behind; what they hold stays unacknowledged and is delivered by the next owners.")]
    public static partial void StopTimedOut(ILogger logger, string provider, TimeSpan timeout);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Information,
        Message = "Stream provider '{Provider}' stopped pulling queue {Partition} with {Count} events undelivered; they are handed back for its next owner.")]
    public static partial void HandedBack(ILogger logger, string provider, int partition, int count);
}
