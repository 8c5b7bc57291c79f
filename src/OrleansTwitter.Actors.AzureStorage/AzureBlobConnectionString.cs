using Microsoft.WindowsAzure.Storage;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Parses a storage connection string and, when it is unusable, says why without repeating
/// any of its values: a connection string carries the account key or a SAS token, and error
/// messages end up in logs.
/// </summary>
internal static class AzureBlobConnectionString
{
    /// <summary>The operator-contract key the silo reads the connection string from, named in messages.</summary>
    internal const string ConfigurationKey = "Storage:ConnectionString";

    private const string Expected =
        "use UseDevelopmentStorage=true, or DefaultEndpointsProtocol, AccountName and AccountKey " +
        "(optionally with BlobEndpoint or EndpointSuffix), or BlobEndpoint with SharedAccessSignature";

    public static bool TryParse(string? connectionString, out CloudStorageAccount? account, out string problem)
    {
        account = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problem = $"it is empty; {Expected}";
            return false;
        }

        if (!CloudStorageAccount.TryParse(connectionString, out var parsed))
        {
            problem = Diagnose(connectionString);
            return false;
        }

        if (parsed.BlobEndpoint is null)
        {
            problem = "it names no blob endpoint (a BlobEndpoint, or an AccountName from which one is derived)";
            return false;
        }

        account = parsed;
        problem = string.Empty;
        return true;
    }

    /// <summary>What is wrong, in terms of setting names only.</summary>
    private static string Diagnose(string connectionString)
    {
        var settings = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (settings.Any(s => s.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            return $"it is not a list of name=value settings separated by ';'; {Expected}";
        }

        var names = settings.Select(s => s[..s.IndexOf('=', StringComparison.Ordinal)]).ToList();
        var key = settings.FirstOrDefault(s => s.StartsWith("AccountKey=", StringComparison.OrdinalIgnoreCase));
        if (key is not null && !IsBase64(key["AccountKey=".Length..]))
        {
            return "its AccountKey is not valid base64";
        }

        return $"its settings ({string.Join(", ", names)}) are not a usable combination; {Expected}";
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return value.Length > 0 && Convert.TryFromBase64String(value, buffer, out _);
    }
}
