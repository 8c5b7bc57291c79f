using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

internal static partial class MemoryGrainStorageLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "Memory storage '{StorageName}' read state '{StateName}' of grain {GrainId}: ETag {ETag}.")]
    public static partial void Read(ILogger logger, string storageName, string stateName, GrainId grainId, string? etag);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Memory storage '{StorageName}' wrote state '{StateName}' of grain {GrainId}: ETag {ETag}.")]
    public static partial void Wrote(ILogger logger, string storageName, string stateName, GrainId grainId, string etag);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "Memory storage '{StorageName}' cleared state '{StateName}' of grain {GrainId}.")]
    public static partial void Cleared(ILogger logger, string storageName, string stateName, GrainId grainId);

    // A warning, not an error: a lost condition is how a duplicate activation finds out it is
    // stale, and the runtime recovers by deactivating it.
    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Memory storage '{StorageName}' rejected a {Operation} of state '{StateName}' of grain {GrainId}: expected ETag {ExpectedETag}, stored ETag {StoredETag}.")]
    public static partial void Conflict(ILogger logger, string storageName, string operation, string stateName, GrainId grainId, string? expectedETag, string? storedETag);
}
