using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

/// <summary>
/// A grain persisted through <c>AzureBlob</c> as the default storage comes back, in a new host
/// with a new provider, with its follows and tweets intact.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class AzureBlobGrainReactivationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_grain_persisted_through_AzureBlob_is_reactivated_in_a_new_host_with_its_follows_and_tweets_intact()
    {
        var container = $"reactivation-{Guid.NewGuid():N}";
        var key = $"ada-{Guid.NewGuid():N}";
        FollowGraphSnapshot before;
        await using (var first = await TestSilo.StartAsync(silo => AddAzureBlob(silo, container)))
        {
            var grain = first.GrainFactory.GetGrain<IFollowGraphGrain>(key);
            foreach (var handle in new[] { "grace", "linus", "barbara" })
            {
                await grain.FollowAsync(handle);
            }

            await grain.FollowAsync("grace");
            foreach (var tweetId in new[] { 101L, 102L, 103L })
            {
                await grain.PostAsync(tweetId);
            }

            before = await grain.GetAsync();
        }

        await using var second = await TestSilo.StartAsync(silo => AddAzureBlob(silo, container));
        var reactivated = second.GrainFactory.GetGrain<IFollowGraphGrain>(key);
        var after = await reactivated.GetAsync();

        Assert.Equal(["grace", "linus", "barbara"], after.Following.ToArray());
        Assert.Equal([101L, 102L, 103L], after.TweetIds.ToArray());
        Assert.NotNull(after.ETag);
        Assert.Equal(before.ETag, after.ETag);

        // The reloaded ETag is the stored one, so the new activation writes without a conflict.
        await reactivated.PostAsync(104);
        var written = await reactivated.GetAsync();
        Assert.Equal([101L, 102L, 103L, 104L], written.TweetIds.ToArray());
    }

    private void AddAzureBlob(ISiloBuilder silo, string container) =>
        silo.Services.AddAzureBlobGrainStorage(GrainStorageNames.Default, o =>
        {
            o.ConnectionString = azurite.ConnectionString;
            o.ContainerName = container;
        });
}
