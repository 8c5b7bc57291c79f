using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of the cluster client.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Connected to gateway {Gateway}")]
    public static partial void Connected(ILogger logger, string gateway);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Could not connect to gateway {Gateway}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string gateway, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Lost gateway {Gateway}; {FailedCalls} calls in flight through it failed")]
    public static partial void Disconnected(ILogger logger, string gateway, int failedCalls);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Refreshing the gateway list failed; retrying next period")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "Cluster client stopped refreshing gateways")]
    public static partial void Stopped(ILogger logger);
}
