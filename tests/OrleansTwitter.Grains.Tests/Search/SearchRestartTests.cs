using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>The index, the trends and the directory are grain state: a restarted silo has them all.</summary>
public sealed class SearchRestartTests
{
    [Fact]
    public async Task Search_trends_and_the_directory_survive_a_restart_of_the_silo()
    {
        var storage = Directory.CreateTempSubdirectory("ot-search-restart-");
        try
        {
            var before = new FileStorageClusterFixture(storage.FullName);
            await before.InitializeAsync();
            try
            {
                var user = await before.RegisterAsync("srKeeper");
                await user.PostAsync("durable words #KeptTag", null);
                await user.PostAsync("more durable words #KeptTag", null);
                await Eventually.WaitAsync(
                    async () => (await before.Grains.GetGrain<ITrendsGrain>(0).GetTrendsAsync()).Items.Contains(new TrendingTag("#kepttag", 2))
                        && (await before.Grains.GetGrain<ISearchGrain>(0).SearchAsync("durable", 20, null)).Items.Count == 2,
                    "both tweets to be indexed and counted before the restart");
            }
            finally
            {
                await before.DisposeAsync();
            }

            var after = new FileStorageClusterFixture(storage.FullName);
            await after.InitializeAsync();
            try
            {
                var found = await after.Grains.GetGrain<ISearchGrain>(0).SearchAsync("durable words", 20, null);
                Assert.Equal(["more durable words #KeptTag", "durable words #KeptTag"], found.Items.Select(t => t.Text));
                Assert.Contains(new TrendingTag("#kepttag", 2), (await after.Grains.GetGrain<ITrendsGrain>(0).GetTrendsAsync()).Items);
                Assert.Equal(new[] { new DirectoryEntry("srKeeper", "srKeeper") }, (await after.Grains.GetGrain<IUserDirectoryGrain>(0).FindAsync("SRK", 20)).ToArray());
            }
            finally
            {
                await after.DisposeAsync();
            }
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }
}
