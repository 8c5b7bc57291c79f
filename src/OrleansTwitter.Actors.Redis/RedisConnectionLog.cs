using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis;

internal static partial class RedisConnectionLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information,
        Message = "{Owner} is connecting to Redis at {Endpoints}.")]
    public static partial void Connecting(ILogger logger, string owner, string endpoints);

    // With AbortOnConnectFail off, the client returns unconnected and keeps retrying in the
    // background; the first operation then fails fast and names the endpoint.
    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning,
        Message = "{Owner} could not reach Redis at {Endpoints} yet; the client keeps retrying in the background.")]
    public static partial void NotConnectedYet(ILogger logger, string owner, string endpoints);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning,
        Message = "{Owner} lost its {ConnectionType} connection to Redis at {Endpoint} ({FailureType}); reconnecting.")]
    public static partial void ConnectionFailed(ILogger logger, Exception? exception, string owner, ConnectionType connectionType, EndPoint? endpoint, ConnectionFailureType failureType);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information,
        Message = "{Owner} restored its {ConnectionType} connection to Redis at {Endpoint}.")]
    public static partial void ConnectionRestored(ILogger logger, string owner, ConnectionType connectionType, EndPoint? endpoint);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning,
        Message = "{Owner} failed to {Operation} at {Endpoints}.")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string owner, string operation, string endpoints);
}
