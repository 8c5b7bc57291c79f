using System.Text;
using Microsoft.WindowsAzure.Storage.Blob;
using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Tests.Persistence;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Persistence;

/// <summary>What the Azure Blob provider adds to the contract: blob layout, conditions, limits.</summary>
[Trait("Category", "Azurite")]
public sealed class AzureBlobGrainStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string StateName = "profile";

    private static GrainId NewGrainId(string key) => GrainId.FromString("blob", $"{key}-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_key_with_slashes_spaces_unicode_and_a_thousand_characters_round_trips_in_one_readable_blob()
    {
        var storage = TestStorage.Create(azurite.ConnectionString);
        var head = $"users/ada lovelace/ünïcødé 用户 🐦/{Guid.NewGuid():N}/";
        var key = head + new string('k', 1000 - head.Length);
        var grainId = GrainId.FromString("user", key);

        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Text = key }));
        var read = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal(1000, key.Length);
        Assert.True(read.RecordExists);
        Assert.Equal(key, read.State.Text);

        // One blob, three path segments (the key's slashes are escaped, not folders), and the
        // readable start of the key survives the hash that keeps the name within the limit.
        var blobName = AzureBlobGrainStorage.GetBlobName(StateName, grainId);
        Assert.StartsWith("profile/user/users~2Fada~20lovelace~2F~C3~BCn~C3~AF", blobName, StringComparison.Ordinal);
        Assert.Equal(2, blobName.Count(c => c == '/'));
        Assert.InRange(blobName.Length, 1, AzureBlobNames.MaxBlobNameLength);
        Assert.True(await storage.Container.GetBlockBlobReference(blobName).ExistsAsync());
    }

    [Fact]
    public async Task The_payload_is_camel_case_json_and_the_etag_is_the_blobs()
    {
        var storage = TestStorage.Create(azurite.ConnectionString);
        var grainId = NewGrainId("payload");
        var holder = new GrainState<TestState>(new TestState { Text = "hello", Count = 3, Tags = ["x"] });

        await storage.WriteStateAsync(StateName, grainId, holder);

        var blob = storage.Container.GetBlockBlobReference(AzureBlobGrainStorage.GetBlobName(StateName, grainId));
        var json = await blob.DownloadTextAsync();
        Assert.Equal("""{"text":"hello","count":3,"tags":["x"]}""", json);
        Assert.Equal("application/json", blob.Properties.ContentType);
        Assert.Equal(blob.Properties.ETag, holder.ETag);
    }

    [Fact]
    public async Task A_lost_condition_is_attempted_exactly_once_and_never_retried()
    {
        var name = TestStorage.NewName("conditions");
        using var attempts = new AttemptRecorder(name);
        var storage = TestStorage.Create(azurite.ConnectionString, name);
        var grainId = NewGrainId("once");
        var first = new GrainState<TestState>(new TestState { Text = "first" });
        await storage.WriteStateAsync(StateName, grainId, first);
        var stale = new GrainState<TestState>(new TestState()) { ETag = first.ETag };
        await storage.WriteStateAsync(StateName, grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, new GrainState<TestState>(new TestState())));

        Assert.Equal(["success", "success", "condition_failed", "condition_failed"], attempts.OutcomesOf("write"));
        Assert.Equal(["condition_failed", "condition_failed"], attempts.OutcomesOf("clear"));
    }

    [Fact]
    public async Task A_state_over_the_size_limit_fails_with_a_message_naming_it_and_stores_nothing()
    {
        var name = TestStorage.NewName("limit");
        using var attempts = new AttemptRecorder(name);
        var storage = TestStorage.Create(azurite.ConnectionString, name, o => o.MaxStateBytes = 1024);
        var grainId = NewGrainId("large");
        var large = new TestState { Text = new string('x', 2000) };
        var size = Encoding.UTF8.GetByteCount($$"""{"text":"{{large.Text}}","count":0,"tags":[]}""");

        var ex = await Assert.ThrowsAsync<GrainStorageException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(large)));

        Assert.Contains($"State '{StateName}' of grain {grainId}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{size:N0} bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1,024-byte limit", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AzureBlobGrainStorageOptions.MaxStateBytes), ex.Message, StringComparison.Ordinal);
        Assert.Empty(attempts.OutcomesOf("write"));
        var read = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task A_state_at_the_default_limit_is_written_with_a_single_put()
    {
        var storage = TestStorage.Create(azurite.ConnectionString);
        var grainId = NewGrainId("big");

        // Just under 4 MiB: larger than the SDK's default block threshold, still one conditional put.
        var holder = new GrainState<TestState>(new TestState { Text = new string('y', AzureBlobGrainStorageOptions.DefaultMaxStateBytes - 100) });
        await storage.WriteStateAsync(StateName, grainId, holder);

        var blob = storage.Container.GetBlockBlobReference(AzureBlobGrainStorage.GetBlobName(StateName, grainId));
        var blocks = await blob.DownloadBlockListAsync(BlockListingFilter.All, accessCondition: null, options: null, operationContext: null);
        Assert.Empty(blocks);
        var read = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(holder.State.Text, read.State.Text);
        Assert.Equal(holder.ETag, read.ETag);
    }

    [Fact]
    public async Task A_record_whose_blob_is_not_json_of_the_state_fails_with_a_message_naming_the_blob()
    {
        var storage = TestStorage.Create(azurite.ConnectionString);
        var grainId = NewGrainId("corrupt");
        var blobName = AzureBlobGrainStorage.GetBlobName(StateName, grainId);
        await storage.InitializeAsync();
        await storage.Container.GetBlockBlobReference(blobName).UploadTextAsync("{ not json");

        var ex = await Assert.ThrowsAsync<GrainStorageException>(
            () => storage.ReadStateAsync(StateName, grainId, new GrainState<TestState>(new TestState())));

        Assert.Contains($"'{TestStorage.Container}/{blobName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TestState), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_deleted_behind_the_providers_back_is_an_error_not_an_empty_record()
    {
        var storage = TestStorage.Create(azurite.ConnectionString, configure: o => o.ContainerName = $"doomed-{Guid.NewGuid():N}");
        await storage.InitializeAsync();
        await storage.Container.DeleteAsync();

        var ex = await Assert.ThrowsAsync<GrainStorageException>(
            () => storage.WriteStateAsync(StateName, NewGrainId("orphan"), new GrainState<TestState>(new TestState())));

        Assert.Contains("ContainerNotFound", ex.Message, StringComparison.Ordinal);
    }
}
