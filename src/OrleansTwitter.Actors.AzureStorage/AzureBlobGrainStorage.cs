using Microsoft.Extensions.Logging;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Grain storage in Azure Blob storage (or Azurite): the production provider, <c>AzureBlob</c>.
/// One container holds every record, one blob per state name and grain,
/// <c>&lt;stateName&gt;/&lt;grainType&gt;/&lt;key&gt;.json</c> with every part escaped, and a record's
/// ETag is its blob's ETag.
/// </summary>
/// <remarks>
/// Every write and clear is conditional at the service: the first write of a record carries
/// <c>If-None-Match: *</c>, later ones <c>If-Match: &lt;etag&gt;</c>, and a clear deletes under
/// <c>If-Match</c>. A lost condition (409, 412) throws <see cref="InconsistentStateException"/>
/// at once and stores nothing; it is never retried. Transient failures (5xx, timeouts, refused
/// connections) are retried with jittered back-off. The account is checked and the container
/// created by <see cref="InitializeAsync"/>, which the host's start-up awaits, so a bad or
/// unreachable account stops the silo at start rather than failing its first grain call.
/// </remarks>
public sealed class AzureBlobGrainStorage : IGrainStorage
{
    /// <summary>
    /// Blob metadata naming the write that produced the blob. When a write is retried because
    /// its first attempt's response was lost, this tells whether that attempt was applied.
    /// </summary>
    internal const string WriteIdMetadata = "writeid";

    private const string JsonContentType = "application/json";

    private readonly string _name;
    private readonly int _maxStateBytes;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _startupTimeout;
    private readonly AzureBlobRetrier _retrier;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AzureBlobGrainStorage> _logger;
    private readonly Lock _initializationLock = new();
    private Task? _initialization;

    public AzureBlobGrainStorage(string name, AzureBlobGrainStorageOptions options, TimeProvider timeProvider, ILogger<AzureBlobGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        // The same checks as options validation, for callers that construct the provider directly.
        var failures = AzureBlobGrainStorageOptionsValidator.GetFailures(name, options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        AzureBlobConnectionString.TryParse(options.ConnectionString, out var account, out _);
        _name = name;
        _maxStateBytes = options.MaxStateBytes;
        _attemptTimeout = options.AttemptTimeout;
        _startupTimeout = options.StartupTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _retrier = new AzureBlobRetrier(name, options, timeProvider, logger);
        Container = account!.CreateCloudBlobClient().GetContainerReference(options.ContainerName);
        AzureBlobGrainStorageLog.Created(logger, name, options.ContainerName, account.BlobEndpoint);
    }

    /// <summary>The container's name.</summary>
    public string ContainerName => Container.Name;

    internal CloudBlobContainer Container { get; }

    /// <summary>
    /// Reaches the account and creates the container when it is missing, retrying transient
    /// failures for up to <see cref="AzureBlobGrainStorageOptions.StartupTimeout"/>. A host runs it
    /// at start-up (see <c>AddAzureBlobGrainStorage</c>); operations also await it, so a provider
    /// used outside a host initializes on first use. Concurrent callers share one check, and a
    /// failed check is tried again by the next caller.
    /// </summary>
    /// <exception cref="GrainStorageException">The account rejected the request or could not be reached in time; the message says which and what to check.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // The common case, on every operation: already done.
        var done = Volatile.Read(ref _initialization);
        if (done is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        Task initialization;
        lock (_initializationLock)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                var started = AzureBlobContainerInitializer.InitializeAsync(
                    Container, _name, _startupTimeout, _attemptTimeout, _retrier, _timeProvider, _logger);
                Volatile.Write(ref _initialization, started);
            }

            initialization = _initialization;
        }

        return initialization.WaitAsync(cancellationToken);
    }

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var blobName = GetBlobName(stateName, grainId);
        await InitializeAsync();
        var (payload, etag) = await _retrier.RunAsync(
            "read", blobName, $"read state '{stateName}' of grain {grainId} from blob '{Location(blobName)}'",
            async (_, options) =>
            {
                var blob = Container.GetBlockBlobReference(blobName);
                using var buffer = new MemoryStream();
                try
                {
                    await blob.DownloadToStreamAsync(buffer, accessCondition: null, options, operationContext: null);
                }
                catch (StorageException ex) when (AzureBlobErrors.IsBlobNotFound(ex))
                {
                    return ((byte[]?)null, (string?)null);
                }

                return (buffer.ToArray(), blob.Properties.ETag);
            });

        if (payload is null)
        {
            // The contract: no record leaves State as given.
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = GrainStateJson.Deserialize<TState>(payload, stateName, grainId, Location(blobName));
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        AzureBlobGrainStorageLog.Read(_logger, _name, stateName, grainId, blobName, grainState.ETag);
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var blobName = GetBlobName(stateName, grainId);
        var expected = grainState.ETag;

        // Serialize and check the size before any request: a state that cannot be stored fails
        // without touching the record.
        var payload = GrainStateJson.Serialize(grainState.State, stateName, grainId);
        if (payload.Length > _maxStateBytes)
        {
            throw new GrainStorageException(
                $"State '{stateName}' of grain {grainId} is {payload.Length:N0} bytes of JSON, over the {_maxStateBytes:N0}-byte limit of " +
                $"Azure Blob grain storage '{_name}' ({nameof(AzureBlobGrainStorageOptions)}.{nameof(AzureBlobGrainStorageOptions.MaxStateBytes)}); " +
                "nothing was stored. Keep grain state small, or split it across several states.");
        }

        await InitializeAsync();
        if (expected is not null && !AzureBlobErrors.IsBlobETag(expected))
        {
            throw await ConflictAsync("write", stateName, grainId, blobName, expected);
        }

        var condition = expected is null ? AccessCondition.GenerateIfNoneMatchCondition("*") : AccessCondition.GenerateIfMatchCondition(expected);
        var writeId = Guid.NewGuid().ToString("N");
        var etag = await _retrier.RunAsync(
            "write", blobName, $"write state '{stateName}' of grain {grainId} to blob '{Location(blobName)}'",
            async (attempt, options) =>
            {
                var blob = Container.GetBlockBlobReference(blobName);
                blob.Properties.ContentType = JsonContentType;
                blob.Metadata[WriteIdMetadata] = writeId;
                try
                {
                    await blob.UploadFromByteArrayAsync(payload, 0, payload.Length, condition, options, operationContext: null);
                    return blob.Properties.ETag;
                }
                catch (StorageException ex) when (AzureBlobErrors.IsConditionFailure(ex)
                    || (expected is not null && AzureBlobErrors.IsBlobNotFound(ex)))
                {
                    var (known, stored) = await TryFetchStoredAsync(blobName);

                    // A retry that finds its own write id means an earlier attempt was applied
                    // and only its response was lost: the write succeeded.
                    if (attempt > 1 && stored is not null && stored.WriteId == writeId)
                    {
                        AzureBlobGrainStorageLog.EarlierAttemptApplied(_logger, _name, "write", blobName);
                        return stored.ETag;
                    }

                    if (attempt > 1 && !known)
                    {
                        throw OutcomeUnknown("write", stateName, grainId, blobName);
                    }

                    throw Conflict("write", stateName, grainId, expected, stored?.ETag, known);
                }
            });

        grainState.ETag = etag;
        grainState.RecordExists = true;
        AzureBlobGrainStorageLog.Wrote(_logger, _name, stateName, grainId, blobName, etag);
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var blobName = GetBlobName(stateName, grainId);
        var expected = grainState.ETag;
        await InitializeAsync();
        var description = $"clear state '{stateName}' of grain {grainId} at blob '{Location(blobName)}'";
        if (expected is null)
        {
            // "No record" is the condition, and it holds when there is nothing to delete. There
            // is no conditional delete for it, so it is a check.
            await _retrier.RunAsync("clear", blobName, description, async (_, options) =>
            {
                var stored = await FetchStoredAsync(blobName, options);
                return stored is null ? true : throw Conflict("clear", stateName, grainId, expected, stored.ETag, storedKnown: true);
            });
        }
        else if (!AzureBlobErrors.IsBlobETag(expected))
        {
            throw await ConflictAsync("clear", stateName, grainId, blobName, expected);
        }
        else
        {
            await _retrier.RunAsync("clear", blobName, description, async (attempt, options) =>
            {
                var blob = Container.GetBlockBlobReference(blobName);
                try
                {
                    await blob.DeleteAsync(DeleteSnapshotsOption.None, AccessCondition.GenerateIfMatchCondition(expected), options, operationContext: null);
                    return true;
                }
                catch (StorageException ex) when (AzureBlobErrors.IsConditionFailure(ex) || AzureBlobErrors.IsBlobNotFound(ex))
                {
                    var (known, stored) = await TryFetchStoredAsync(blobName);

                    // After a lost response, a record that is gone was deleted by that earlier
                    // attempt (or by another clear): either way the clear's outcome holds.
                    if (attempt > 1 && known && stored is null)
                    {
                        AzureBlobGrainStorageLog.EarlierAttemptApplied(_logger, _name, "clear", blobName);
                        return true;
                    }

                    if (attempt > 1 && !known)
                    {
                        throw OutcomeUnknown("clear", stateName, grainId, blobName);
                    }

                    throw Conflict("clear", stateName, grainId, expected, stored?.ETag, known);
                }
            });
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        AzureBlobGrainStorageLog.Cleared(_logger, _name, stateName, grainId, blobName);
    }

    internal static string GetBlobName(string stateName, GrainId grainId) => AzureBlobNames.GetBlobName(stateName, grainId);

    private static void Validate<TState>(string stateName, IGrainState<TState> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
    }

    /// <summary>The blob's ETag and write id, or null when there is no blob.</summary>
    private async Task<StoredBlob?> FetchStoredAsync(string blobName, BlobRequestOptions options)
    {
        var blob = Container.GetBlockBlobReference(blobName);
        try
        {
            await blob.FetchAttributesAsync(accessCondition: null, options, operationContext: null);
        }
        catch (StorageException ex) when (AzureBlobErrors.IsBlobNotFound(ex))
        {
            return null;
        }

        return new StoredBlob(blob.Properties.ETag, blob.Metadata.TryGetValue(WriteIdMetadata, out var writeId) ? writeId : null);
    }

    /// <summary>
    /// One look at the stored blob after a lost condition, for the error message and for
    /// recognising an earlier attempt's write. It is not retried: the operation has already
    /// failed, and a failure here only leaves the stored ETag unknown.
    /// </summary>
    private async Task<(bool Known, StoredBlob? Stored)> TryFetchStoredAsync(string blobName)
    {
        try
        {
            return (true, await FetchStoredAsync(blobName, AzureBlobRetrier.RequestOptions(_attemptTimeout)));
        }
        catch (StorageException ex)
        {
            AzureBlobGrainStorageLog.StoredETagUnavailable(_logger, ex, _name, blobName);
            return (false, null);
        }
    }

    /// <summary>The conflict for an ETag that cannot be a blob's, which therefore never matches.</summary>
    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, GrainId grainId, string blobName, string expected)
    {
        var (known, stored) = await TryFetchStoredAsync(blobName);
        AzureBlobGrainStorageInstruments.RecordAttempt(_name, operation, AzureBlobGrainStorageInstruments.ConditionFailedOutcome);
        return Conflict(operation, stateName, grainId, expected, stored?.ETag, known);
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? expected, string? stored, bool storedKnown)
    {
        AzureBlobGrainStorageLog.Conflict(_logger, _name, operation, stateName, grainId, expected, storedKnown ? stored : AzureBlobErrors.Unknown);
        return AzureBlobErrors.Conflict(operation, stateName, grainId, expected, stored, storedKnown);
    }

    /// <summary>
    /// A retry lost its condition and the blob could not be read to tell whether an earlier
    /// attempt had been applied: not a proven conflict, so not reported as one.
    /// </summary>
    private GrainStorageException OutcomeUnknown(string operation, string stateName, GrainId grainId, string blobName) =>
        new($"Could not {operation} state '{stateName}' of grain {grainId} at blob '{Location(blobName)}': a retried attempt found the condition " +
            "no longer held, and the blob could not be read to tell whether an earlier attempt had been applied. Read the state again before writing.");

    private string Location(string blobName) => $"{Container.Name}/{blobName}";

    private sealed record StoredBlob(string ETag, string? WriteId);
}
