using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Security;

/// <summary>
/// The web tier's Data Protection key ring in grain storage. One activation serializes the
/// writes of every web instance, and storage ETags keep a duplicate activation from losing one.
/// </summary>
[GrainType("dataprotectionkeys")]
internal sealed class DataProtectionKeysGrain([PersistentState(DataProtectionKeysState.Name)] IPersistentState<DataProtectionKeysState> state)
    : Grain, IDataProtectionKeysGrain
{
    public Task<IReadOnlyList<string>> GetElementsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Elements.Select(e => e.Xml)]);

    public async Task StoreElementAsync(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(friendlyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        if (xml.Length > TimelineLimits.MaxDataProtectionElementLength)
        {
            throw new ArgumentException($"A key-ring element is at most {TimelineLimits.MaxDataProtectionElementLength} characters; this one has {xml.Length}.", nameof(xml));
        }

        var elements = state.State.Elements;
        elements.RemoveAll(e => e.FriendlyName == friendlyName);
        elements.Add(new DataProtectionElement(friendlyName, xml));
        if (elements.Count > TimelineLimits.MaxDataProtectionElements)
        {
            elements.RemoveRange(0, elements.Count - TimelineLimits.MaxDataProtectionElements);
        }

        await state.WriteStateAsync();
    }
}
