using Microsoft.Extensions.Logging;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.RetryPolicies;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Runs one storage operation as a series of attempts: a transient failure is retried after a
/// jittered exponential back-off, anything else ends the operation. The SDK's own retry policy
/// is switched off, so that this is the only place retries happen, every delay runs on the
/// provider's <see cref="TimeProvider"/>, and a lost condition is never retried by anyone.
/// </summary>
internal sealed class AzureBlobRetrier
{
    private readonly string _storageName;
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public AzureBlobRetrier(string storageName, AzureBlobGrainStorageOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _storageName = storageName;
        _maxAttempts = options.MaxAttempts;
        _baseDelay = options.RetryBaseDelay;
        _maxDelay = options.RetryMaxDelay;
        _attemptTimeout = options.AttemptTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Request options for one attempt: no SDK retries, a bound on the whole request, and
    /// single-put uploads (a state is never split into blocks, whose commit would be a second
    /// conditional request).
    /// </summary>
    public static BlobRequestOptions RequestOptions(TimeSpan timeout) => new()
    {
        RetryPolicy = new NoRetry(),
        MaximumExecutionTime = timeout,
        ServerTimeout = timeout,
        SingleBlobUploadThresholdInBytes = AzureBlobGrainStorageOptions.SinglePutLimitBytes,
        ParallelOperationThreadCount = 1,
    };

    /// <summary>
    /// Calls <paramref name="attempt"/> (given the attempt number, from 1, and its request
    /// options) until it returns, throws something other than a transient
    /// <see cref="StorageException"/>, or runs out of attempts. A failed operation surfaces as a
    /// <see cref="GrainStorageException"/> whose message starts "Could not <paramref name="description"/>".
    /// </summary>
    public async Task<T> RunAsync<T>(string operation, string blobName, string description, Func<int, BlobRequestOptions, Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                var result = await attempt(number, RequestOptions(_attemptTimeout));
                AzureBlobGrainStorageInstruments.RecordAttempt(_storageName, operation, AzureBlobGrainStorageInstruments.SuccessOutcome);
                return result;
            }
            catch (InconsistentStateException)
            {
                AzureBlobGrainStorageInstruments.RecordAttempt(_storageName, operation, AzureBlobGrainStorageInstruments.ConditionFailedOutcome);
                throw;
            }
            catch (StorageException ex) when (AzureBlobErrors.IsTransient(ex) && number < _maxAttempts)
            {
                AzureBlobGrainStorageInstruments.RecordAttempt(_storageName, operation, AzureBlobGrainStorageInstruments.TransientOutcome);
                var delay = NextDelay(number);
                AzureBlobGrainStorageLog.Retrying(_logger, _storageName, number, operation, blobName, AzureBlobErrors.Describe(ex), (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _timeProvider);
            }
            catch (StorageException ex)
            {
                var transient = AzureBlobErrors.IsTransient(ex);
                AzureBlobGrainStorageInstruments.RecordAttempt(
                    _storageName, operation, transient ? AzureBlobGrainStorageInstruments.TransientOutcome : AzureBlobGrainStorageInstruments.FailedOutcome);
                AzureBlobGrainStorageLog.Failed(_logger, ex, _storageName, operation, blobName, number);
                var attempts = transient ? $" (gave up after {number} attempts)" : string.Empty;
                throw new GrainStorageException($"Could not {description}: {AzureBlobErrors.Describe(ex)}{attempts}", ex);
            }
        }
    }

    /// <summary>
    /// The back-off after attempt <paramref name="attempt"/>: the base delay doubled per retry,
    /// capped, then drawn between half and all of it ("equal jitter"), so the wait never
    /// collapses to zero while writers that failed together still spread out.
    /// </summary>
    public TimeSpan NextDelay(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(_maxDelay.Ticks, _baseDelay.Ticks * (1L << exponent));
        if (ceiling <= 0)
        {
            // The multiplication overflowed: the cap applies.
            ceiling = _maxDelay.Ticks;
        }

        var half = ceiling / 2;
        return TimeSpan.FromTicks(half + Random.Shared.NextInt64(ceiling - half + 1));
    }
}
