
namespace OrleansTwitter.Contracts;

/// <summary>
/// The web front end's ASP.NET Core Data Protection key ring, kept in the cluster's grain
/// storage so every web instance of a cluster protects and reads tokens with the same keys.
/// One grain per application (key: the Data Protection application name's key, <c>default</c>).
/// </summary>
[Alias("ot.IDataProtectionKeysGrain")]
public interface IDataProtectionKeysGrain : IGrainWithStringKey
{
    /// <summary>Every stored element (an XML string each), oldest first.</summary>
    [Alias("GetElementsAsync")]
    [SafeToRetry]
    Task<IReadOnlyList<string>> GetElementsAsync();

    /// <summary>
    /// Stores one element under <paramref name="friendlyName"/> (the key id Data Protection
    /// gives); storing the same name again replaces it. At most
    /// <see cref="TimelineLimits.MaxDataProtectionElements"/> are kept, oldest dropped first.
    /// </summary>
    [Alias("StoreElementAsync")]
    [SafeToRetry]
    Task StoreElementAsync(string friendlyName, string xml);
}
