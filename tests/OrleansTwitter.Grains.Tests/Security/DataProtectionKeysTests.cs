using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Security;

/// <summary>The web tier's Data Protection key ring, kept in grain storage.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task Elements_are_kept_in_order_a_name_stored_again_replaces_its_element_and_all_are_in_storage()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var ring = silo.Grains.GetGrain<IDataProtectionKeysGrain>("dpOrder");

        await ring.StoreElementAsync("key-1", "<key id=\"1\" />");
        await ring.StoreElementAsync("key-2", "<key id=\"2\" />");
        await ring.StoreElementAsync("key-1", "<key id=\"1\" revised=\"true\" />");

        Assert.Equal(["<key id=\"2\" />", "<key id=\"1\" revised=\"true\" />"], await ring.GetElementsAsync());
        var stored = await silo.ReadRawStateAsync("dataprotectionkeys", "dpOrder", "dataprotection");
        Assert.Equal(2, stored!.Value.GetProperty("elements").GetArrayLength());
    }

    [Fact]
    public async Task The_ring_keeps_the_newest_elements_up_to_its_bound_and_refuses_bad_ones()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var ring = silo.Grains.GetGrain<IDataProtectionKeysGrain>("dpBound");
        for (var i = 0; i <= TimelineLimits.MaxDataProtectionElements; i++)
        {
            await ring.StoreElementAsync($"key-{i}", $"<key id=\"{i}\" />");
        }

        var elements = await ring.GetElementsAsync();
        Assert.Equal(TimelineLimits.MaxDataProtectionElements, elements.Count);
        Assert.Equal("<key id=\"1\" />", elements[0]);
        await Assert.ThrowsAsync<ArgumentException>(() => ring.StoreElementAsync("key-x", new string('x', TimelineLimits.MaxDataProtectionElementLength + 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => ring.StoreElementAsync(" ", "<key />"));
    }
}
