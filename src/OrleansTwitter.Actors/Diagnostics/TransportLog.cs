using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of the transport.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Connection {Connection} failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string connection);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Listening for {Purpose} on {Endpoint}")]
    public static partial void Listening(ILogger logger, string purpose, string endpoint);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Connected to {Endpoint}")]
    public static partial void Connected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Could not connect to {Endpoint}")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Dropped a frame from {Connection}: {Reason}")]
    public static partial void BadFrame(ILogger logger, string connection, string reason);
}
