using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Tests.Persistence;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Persistence;

/// <summary>
/// The provider contract (round trips, conditional writes and clears, racing writers, awkward
/// keys) against a real Azurite: each test gets a fresh provider on a shared container.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class AzureBlobGrainStorageContractTests(AzuriteFixture azurite) : GrainStorageContractTests, IClassFixture<AzuriteFixture>
{
    protected override IGrainStorage CreateStorage() => TestStorage.Create(azurite.ConnectionString);

    [Fact]
    public async Task Racing_writers_in_two_providers_with_the_same_etag_have_exactly_one_winner()
    {
        // Two provider instances, as two silos would have: only the service's condition arbitrates.
        await RaceAsync(CreateStorage(), CreateStorage(), NewGrainId("race-two-providers"));
    }
}
