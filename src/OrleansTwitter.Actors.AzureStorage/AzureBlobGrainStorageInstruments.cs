using System.Diagnostics.Metrics;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Metrics of the Azure Blob provider, on the meter <c>OrleansTwitter.Actors.AzureStorage</c>.
/// Retries and lost conditions are what an operator watches on a storage account.
/// </summary>
internal static class AzureBlobGrainStorageInstruments
{
    public const string MeterName = "OrleansTwitter.Actors.AzureStorage";

    /// <summary>The instrument name of <see cref="Attempts"/>.</summary>
    public const string AttemptsName = "orleanstwitter.actors.storage.azureblob.attempts";

    internal const string SuccessOutcome = "success";
    internal const string ConditionFailedOutcome = "condition_failed";
    internal const string TransientOutcome = "transient";
    internal const string FailedOutcome = "failed";

    private static readonly Meter s_meter = new(MeterName, "1.0.0");

    /// <summary>
    /// Requests attempted, tagged <c>storage</c> (provider name), <c>operation</c> (read, write,
    /// clear) and <c>outcome</c> (success, condition_failed, transient, failed).
    /// </summary>
    public static readonly Counter<long> Attempts =
        s_meter.CreateCounter<long>(AttemptsName, "{attempt}", "Azure Blob grain storage requests by outcome.");

    internal static void RecordAttempt(string storage, string operation, string outcome) =>
        Attempts.Add(1, new("storage", storage), new("operation", operation), new("outcome", outcome));
}
