using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

/// <summary>
/// The timeline domain's UserGrain with <c>AzureBlob</c> as the default storage: after its host
/// stops, a new host with a new provider reactivates it with its follows and tweets intact.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class UserGrainReactivationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Page = 50;

    [Fact]
    public async Task A_UserGrain_persisted_through_AzureBlob_is_reactivated_in_a_new_host_with_its_follows_and_tweets_intact()
    {
        // A container per test: the handles below are then this test's own.
        var container = $"users-{Guid.NewGuid():N}";
        string[] posted;
        await using (var first = await StartSiloAsync(container))
        {
            var ada = await RegisterAsync(first, "Ada");
            await RegisterAsync(first, "Grace");
            await RegisterAsync(first, "Linus");
            await ada.FollowAsync("Grace");
            await ada.FollowAsync("Linus");
            posted = [(await ada.PostAsync("first, on blob storage", null)).Text, (await ada.PostAsync("second, on blob storage", null)).Text];
        }

        await using var second = await StartSiloAsync(container);
        var reactivated = second.GrainFactory.GetGrain<IUserGrain>(Handle.Normalize("Ada"));

        Assert.Equal("Ada", (await reactivated.GetProfileAsync()).Handle);
        Assert.Equal(["Grace", "Linus"], (await reactivated.GetFollowingAsync(null, Page)).Items.ToArray());
        Assert.Equal(posted.Reverse().ToArray(), (await reactivated.GetTweetsAsync(Page, null)).Items.Select(t => t.Text).ToArray());
        var grace = second.GrainFactory.GetGrain<IUserGrain>(Handle.Normalize("Grace"));
        Assert.Equal(["Ada"], (await grace.GetFollowersAsync(null, Page)).Items.ToArray());

        // The new activation writes on the ETags it loaded: no conflict with what the old host stored.
        await reactivated.PostAsync("third, from the new host", null);
        Assert.Equal(3, (await reactivated.GetTweetsAsync(Page, null)).Items.Count);
    }

    private static async Task<IUserGrain> RegisterAsync(TestSilo silo, string handle)
    {
        var user = silo.GrainFactory.GetGrain<IUserGrain>(Handle.Normalize(handle));
        Assert.True(await user.RegisterAsync(handle, null), $"{handle} should register");
        return user;
    }

    private Task<TestSilo> StartSiloAsync(string container) =>
        TestSilo.StartAsync(silo =>
        {
            silo.AddTimeline();
            silo.AddMemoryStreams();
            silo.Services.AddAzureBlobGrainStorage(GrainStorageNames.Default, o =>
            {
                o.ConnectionString = azurite.ConnectionString;
                o.ContainerName = container;
            });
        });
}
