using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Security;

/// <summary>The web tier's Data Protection key ring, kept in grain storage.</summary>
[Collection(SharedCluster.Name)]
public sealed class DataProtectionKeysTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task Elements_are_kept_in_order_a_name_stored_again_replaces_its_element_and_all_are_in_storage()
    {
        var ring = cluster.Grains.GetGrain<IDataProtectionKeysGrain>("dpOrder");

        await ring.StoreElementAsync("key-1", "<key id=\"1\" />");
        await ring.StoreElementAsync("key-2", "<key id=\"2\" />");
        await ring.StoreElementAsync("key-1", "<key id=\"1\" revised=\"true\" />");

        Assert.Equal(["<key id=\"2\" />", "<key id=\"1\" revised=\"true\" />"], await ring.GetElementsAsync());
        var stored = await cluster.ReadRawStateAsync("dataprotectionkeys", "dpOrder", Grains.Security.DataProtectionKeysState.Name);
        Assert.Equal(2, stored!.Value.GetProperty(nameof(Grains.Security.DataProtectionKeysState.Elements)).GetArrayLength());
    }

    [Fact]
    public async Task The_ring_keeps_the_newest_elements_up_to_its_bound_and_refuses_bad_ones()
    {
        var ring = cluster.Grains.GetGrain<IDataProtectionKeysGrain>("dpBound");
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
