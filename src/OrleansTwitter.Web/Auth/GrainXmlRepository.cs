using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Auth;

/// <summary>
/// Data Protection's key ring in the cluster's grain storage (<see cref="IDataProtectionKeysGrain"/>),
/// so a token protected by one web instance is read by every other: they share the keys through
/// the cluster, not through a folder one machine owns.
/// </summary>
/// <remarks>
/// Data Protection's repository interface is synchronous. It is called rarely: when the key
/// ring is first needed, when a key is created, and when the cached ring expires (about a day),
/// so blocking a thread-pool thread on the grain call costs nothing that matters.
/// </remarks>
internal sealed class GrainXmlRepository(IServiceProvider services) : IXmlRepository
{
    /// <summary>The one key ring of the application (all web instances share it).</summary>
    public const string RingKey = "default";

    // Resolved lazily: the cluster client is built after Data Protection is configured.
    private IDataProtectionKeysGrain Grain => services.GetRequiredService<IClusterClient>().GetGrain<IDataProtectionKeysGrain>(RingKey);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Grain.GetElementsAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Grain.StoreElementAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
