using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.AzureStorage;

internal static partial class AzureBlobGrainStorageLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Azure Blob grain storage '{StorageName}' keeps records in container '{Container}' at {BlobEndpoint}.")]
    public static partial void Created(ILogger logger, string storageName, string container, Uri blobEndpoint);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Azure Blob grain storage '{StorageName}' reached its account; container '{Container}' {Outcome}.")]
    public static partial void Initialized(ILogger logger, string storageName, string container, string outcome);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug,
        Message = "Azure Blob grain storage '{StorageName}' read state '{StateName}' of grain {GrainId} from blob {BlobName}: ETag {ETag}.")]
    public static partial void Read(ILogger logger, string storageName, string stateName, GrainId grainId, string blobName, string? etag);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug,
        Message = "Azure Blob grain storage '{StorageName}' wrote state '{StateName}' of grain {GrainId} to blob {BlobName}: ETag {ETag}.")]
    public static partial void Wrote(ILogger logger, string storageName, string stateName, GrainId grainId, string blobName, string etag);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug,
        Message = "Azure Blob grain storage '{StorageName}' cleared state '{StateName}' of grain {GrainId} at blob {BlobName}.")]
    public static partial void Cleared(ILogger logger, string storageName, string stateName, GrainId grainId, string blobName);

    // A warning, not an error: a lost condition is how a duplicate activation finds out it is
    // stale, and the runtime recovers by deactivating it.
    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning,
        Message = "Azure Blob grain storage '{StorageName}' rejected a {Operation} of state '{StateName}' of grain {GrainId}: expected ETag {ExpectedETag}, stored ETag {StoredETag}.")]
    public static partial void Conflict(ILogger logger, string storageName, string operation, string stateName, GrainId grainId, string? expectedETag, string? storedETag);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning,
        Message = "Azure Blob grain storage '{StorageName}': attempt {Attempt} to {Operation} blob {BlobName} failed transiently ({Error}); retrying in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string storageName, int attempt, string operation, string blobName, string error, long delayMs);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Error,
        Message = "Azure Blob grain storage '{StorageName}' failed to {Operation} blob {BlobName} after {Attempts} attempt(s).")]
    public static partial void Failed(ILogger logger, Exception exception, string storageName, string operation, string blobName, int attempts);

    // After a retry the first attempt may have been applied although its response was lost;
    // the blob's write id tells whether the ETag it now has is this write's own.
    [LoggerMessage(EventId = 1308, Level = LogLevel.Information,
        Message = "Azure Blob grain storage '{StorageName}': a retried {Operation} of blob {BlobName} found that an earlier attempt had already been applied.")]
    public static partial void EarlierAttemptApplied(ILogger logger, string storageName, string operation, string blobName);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Warning,
        Message = "Azure Blob grain storage '{StorageName}' could not read the stored ETag of blob {BlobName} after a lost condition.")]
    public static partial void StoredETagUnavailable(ILogger logger, Exception exception, string storageName, string blobName);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning,
        Message = "Azure Blob grain storage '{StorageName}' cannot reach its account yet (attempt {Attempt}: {Error}); retrying in {DelayMs} ms.")]
    public static partial void StartupRetrying(ILogger logger, string storageName, int attempt, string error, long delayMs);
}
