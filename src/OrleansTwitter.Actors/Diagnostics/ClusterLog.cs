using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of cluster messaging.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Sending {Message} again (attempt {Attempt}) after it was refused: {Reason}")]
    public static partial void Resending(ILogger logger, string message, string reason, int attempt);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Could not refresh the membership view before a resend")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Lost the connection to {Silo}; {Count} calls to it fail")]
    public static partial void ConnectionLost(ILogger logger, string silo, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Deactivating {Count} activations this silo no longer owns (view {Version})")]
    public static partial void Rebalancing(ILogger logger, int count, long version);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Releasing {Grain} for its new owner took longer than {Timeout}")]
    public static partial void ReleaseSlow(ILogger logger, string grain, TimeSpan timeout);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Debug, Message = "Could not ask {Silo}, the previous owner of {Grain}, to release it; activating anyway")]
    public static partial void HandOffSkipped(ILogger logger, string silo, string grain, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Dropped a frame of kind {Kind}: {Reason}")]
    public static partial void UnexpectedFrame(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Leaving with {Count} calls still in flight after waiting {Timeout} for them; they fail as the connections close")]
    public static partial void DrainTimedOut(ILogger logger, int count, TimeSpan timeout);
}
