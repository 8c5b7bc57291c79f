using Microsoft.Extensions.Logging;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// The provider's start-up check: reach the account and create the container when it is
/// missing, within a deadline. It turns every way this can fail into one message that says what
/// is wrong and what to check, because it is what an operator reads when a silo will not start.
/// </summary>
internal static class AzureBlobContainerInitializer
{
    public static async Task InitializeAsync(
        CloudBlobContainer container,
        string storageName,
        TimeSpan startupTimeout,
        TimeSpan attemptTimeout,
        AzureBlobRetrier retrier,
        TimeProvider timeProvider,
        ILogger logger)
    {
        var started = timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            // No single attempt may outlast the deadline: an address that swallows packets would
            // otherwise hold the start for the SDK's full timeout.
            var remaining = startupTimeout - timeProvider.GetElapsedTime(started);
            var timeout = remaining < attemptTimeout ? remaining : attemptTimeout;
            if (timeout < TimeSpan.FromMilliseconds(1))
            {
                timeout = TimeSpan.FromMilliseconds(1);
            }

            try
            {
                var created = await container.CreateIfNotExistsAsync(
                    BlobContainerPublicAccessType.Off, AzureBlobRetrier.RequestOptions(timeout), operationContext: null);
                AzureBlobGrainStorageLog.Initialized(logger, storageName, container.Name, created ? "was created" : "exists");
                return;
            }
            catch (StorageException ex) when (AzureBlobErrors.IsTransient(ex))
            {
                var delay = retrier.NextDelay(attempt);
                if (timeProvider.GetElapsedTime(started) + delay >= startupTimeout)
                {
                    throw Unreachable(container, storageName, startupTimeout, attempt, ex);
                }

                AzureBlobGrainStorageLog.StartupRetrying(logger, storageName, attempt, AzureBlobErrors.Describe(ex), (long)delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider);
            }
            catch (StorageException ex)
            {
                throw Rejected(container, storageName, ex);
            }
        }
    }

    private static GrainStorageException Unreachable(CloudBlobContainer container, string storageName, TimeSpan startupTimeout, int attempts, StorageException ex) =>
        new(
            $"Azure Blob grain storage '{storageName}' could not reach its storage account at {Endpoint(container)} within " +
            $"{startupTimeout.TotalSeconds:0.#} s ({attempts} attempt(s)); last error: {AzureBlobErrors.Describe(ex)}. " +
            $"Check the endpoint in {AzureBlobConnectionString.ConfigurationKey} and that the account (or Azurite) is running and reachable.",
            ex);

    private static GrainStorageException Rejected(CloudBlobContainer container, string storageName, StorageException ex)
    {
        var hint = AzureBlobErrors.IsAuthenticationFailure(ex)
            ? $"The account rejected the credentials: check AccountName and AccountKey (or the SAS token) in {AzureBlobConnectionString.ConfigurationKey}."
            : $"Check {AzureBlobConnectionString.ConfigurationKey} and Storage:Container.";
        return new(
            $"Azure Blob grain storage '{storageName}' could not open container '{container.Name}' at {Endpoint(container)}: " +
            $"{AzureBlobErrors.Describe(ex)}. {hint}",
            ex);
    }

    // The service endpoint without the container: what the operator configured.
    private static Uri Endpoint(CloudBlobContainer container) => container.ServiceClient.BaseUri;
}
