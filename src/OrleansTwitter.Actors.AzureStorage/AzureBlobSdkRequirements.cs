using System.Globalization;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>What the legacy SDK needs of the process it runs in, checked before it fails obscurely.</summary>
internal static class AzureBlobSdkRequirements
{
    /// <summary>The culture WindowsAzure.Storage 9.3.3 creates by name to sort headers when it signs a request.</summary>
    internal const string SigningCulture = "en-US";

    /// <summary>
    /// Null when the SDK can sign requests here, else what to change. Under
    /// <c>InvariantGlobalization</c> (this repository's default) creating <c>en-US</c> throws
    /// unless predefined cultures are not enforced; with that relaxed it behaves as the invariant
    /// culture, whose ordinal ordering is what the service's canonicalization specifies.
    /// </summary>
    public static string? CultureProblem()
    {
        try
        {
            _ = CultureInfo.GetCultureInfo(SigningCulture);
            return null;
        }
        catch (CultureNotFoundException)
        {
            return $"WindowsAzure.Storage signs every request with the '{SigningCulture}' culture, which this process cannot create " +
                "(it runs with InvariantGlobalization and predefined cultures enforced). Set <PredefinedCulturesOnly>false</PredefinedCulturesOnly> " +
                "in the host's project file, or the environment variable DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY=false.";
        }
    }
}
