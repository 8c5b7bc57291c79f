using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.WindowsAzure.Storage;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>Classifies the SDK's <see cref="StorageException"/>s and words the errors the provider throws.</summary>
internal static class AzureBlobErrors
{
    /// <summary>Spelled out in messages for a null ETag, which means "no record" (as the runtime's providers do).</summary>
    internal const string NoRecord = "<none>";

    /// <summary>Spelled out when the stored ETag could not be read for the message.</summary>
    internal const string Unknown = "<unknown>";

    private const string ContainerNotFound = "ContainerNotFound";

    /// <summary>
    /// A failure that may pass if the same request is sent again: the service was busy or
    /// failing (408, 429, 500, 502, 503, 504), or no response came back at all (a refused or
    /// broken connection, a name that did not resolve, a timeout). The SDK reports the latter
    /// with no HTTP status, or 408 for its own timeout.
    /// </summary>
    public static bool IsTransient(StorageException ex)
    {
        var status = StatusOf(ex);
        if (status is 408 or 429 or 500 or 502 or 503 or 504)
        {
            return true;
        }

        return status is < 100 or 306 && IsNetworkFailure(ex.InnerException);
    }

    /// <summary>409 or 412: the request's condition on the blob's ETag (or its absence) did not hold.</summary>
    public static bool IsConditionFailure(StorageException ex) => StatusOf(ex) is 409 or 412;

    /// <summary>404 for the blob itself; a missing container is an operational fault, not "no record".</summary>
    public static bool IsBlobNotFound(StorageException ex) =>
        StatusOf(ex) == 404 && !string.Equals(ex.RequestInformation?.ErrorCode, ContainerNotFound, StringComparison.Ordinal);

    public static bool IsAuthenticationFailure(StorageException ex) => StatusOf(ex) is 401 or 403;

    /// <summary>
    /// True when <paramref name="etag"/> could have come from this provider: a quoted entity tag.
    /// Anything else (another provider's version number, "*") can never equal a stored blob's
    /// ETag, and sending it would fail in the SDK before reaching the service.
    /// </summary>
    public static bool IsBlobETag(string etag) =>
        etag != "*" && EntityTagHeaderValue.TryParse(etag, out var parsed) && parsed != EntityTagHeaderValue.Any;

    /// <summary>One line about a failed request: status and error code when the service answered, the cause when it did not.</summary>
    public static string Describe(StorageException ex)
    {
        var status = StatusOf(ex);
        if (ex.InnerException is TimeoutException or OperationCanceledException)
        {
            return $"no response in time ({ex.Message})";
        }

        if (status is < 100 or 306)
        {
            return ex.InnerException is { } inner && !string.Equals(inner.Message, ex.Message, StringComparison.Ordinal)
                ? $"{ex.Message} ({inner.Message})"
                : ex.Message;
        }

        var code = ex.RequestInformation?.ErrorCode;
        return string.IsNullOrEmpty(code) ? $"HTTP {status}: {ex.Message}" : $"HTTP {status} {code}: {ex.Message}";
    }

    /// <summary>The exception for a lost condition, worded as the runtime's own providers word it.</summary>
    public static InconsistentStateException Conflict(
        string operation, string stateName, GrainId grainId, string? expected, string? stored, bool storedKnown) =>
        new(
            $"Conditional {operation} of state '{stateName}' for grain {grainId} failed: expected ETag {expected ?? NoRecord}, " +
            $"but the stored ETag is {(storedKnown ? stored ?? NoRecord : Unknown)}. Another activation changed the record since it was read; nothing was stored.",
            stored,
            expected);

    private static int StatusOf(StorageException ex) => ex.RequestInformation?.HttpStatusCode ?? 0;

    private static bool IsNetworkFailure(Exception? inner) =>
        inner is HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException;
}
