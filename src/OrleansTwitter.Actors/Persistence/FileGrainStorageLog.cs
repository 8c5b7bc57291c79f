using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

internal static partial class FileGrainStorageLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "File grain storage '{StorageName}' keeps records under {RootPath}.")]
    public static partial void Created(ILogger logger, string storageName, string rootPath);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug,
        Message = "File grain storage '{StorageName}' read state '{StateName}' of grain {GrainId} from {Path}: ETag {ETag}.")]
    public static partial void Read(ILogger logger, string storageName, string stateName, GrainId grainId, string path, string? etag);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug,
        Message = "File grain storage '{StorageName}' wrote state '{StateName}' of grain {GrainId} to {Path}: ETag {ETag}.")]
    public static partial void Wrote(ILogger logger, string storageName, string stateName, GrainId grainId, string path, string etag);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug,
        Message = "File grain storage '{StorageName}' cleared state '{StateName}' of grain {GrainId} at {Path}.")]
    public static partial void Cleared(ILogger logger, string storageName, string stateName, GrainId grainId, string path);

    // A warning, not an error: a lost condition is how a duplicate activation finds out it is
    // stale, and the runtime recovers by deactivating it.
    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "File grain storage '{StorageName}' rejected a {Operation} of state '{StateName}' of grain {GrainId}: expected ETag {ExpectedETag}, stored ETag {StoredETag}.")]
    public static partial void Conflict(ILogger logger, string storageName, string operation, string stateName, GrainId grainId, string? expectedETag, string? storedETag);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug,
        Message = "Lock file {LockPath} is held by another writer (attempt {Attempt}); backing off.")]
    public static partial void LockContended(ILogger logger, string lockPath, int attempt);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error,
        Message = "File grain storage '{StorageName}' failed to {Operation} state '{StateName}' of grain {GrainId} at {Path}.")]
    public static partial void Failed(ILogger logger, Exception exception, string storageName, string operation, string stateName, GrainId grainId, string path);
}
