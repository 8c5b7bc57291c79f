using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Redis.Membership;

internal static partial class RedisMembershipLog
{
    [LoggerMessage(EventId = 1510, Level = LogLevel.Information,
        Message = "Redis membership table of cluster '{ClusterId}' uses keys {RowsKey} and {IAmAliveKey} at {Endpoints}.")]
    public static partial void Created(ILogger logger, string clusterId, string rowsKey, string iAmAliveKey, string endpoints);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Debug,
        Message = "Redis membership table of cluster '{ClusterId}' wrote the row of {Silo} ({Status}): version {ExpectedVersion} -> {NewVersion}.")]
    public static partial void Wrote(ILogger logger, string clusterId, SiloAddress silo, string status, long expectedVersion, long newVersion);

    // Debug, not a warning: losing a compare-and-swap is how concurrent silos take turns.
    [LoggerMessage(EventId = 1512, Level = LogLevel.Debug,
        Message = "Redis membership table of cluster '{ClusterId}' did not write the row of {Silo}: the version is no longer {ExpectedVersion}.")]
    public static partial void WriteConflict(ILogger logger, string clusterId, SiloAddress silo, long expectedVersion);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Debug,
        Message = "Redis membership table of cluster '{ClusterId}' ignored an I-am-alive of {Silo}: it has no row, or a later time.")]
    public static partial void IAmAliveIgnored(ILogger logger, string clusterId, SiloAddress silo);

    [LoggerMessage(EventId = 1514, Level = LogLevel.Information,
        Message = "Redis membership table of cluster '{ClusterId}' was cleared.")]
    public static partial void Cleared(ILogger logger, string clusterId);
}
