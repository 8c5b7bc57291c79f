using Orleans.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using static OrleansTwitter.Hosting.Tests.Storage.FileStorages;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// The <see cref="Orleans.Storage.IGrainStorage"/> contract as Orleans relies on it (ETags as
/// optimistic concurrency, create-only writes, clear), on real files in a temp folder.
/// </summary>
public sealed class FileGrainStorageContractTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Reading_a_missing_record_reports_none_and_gives_a_fresh_state()
    {
        var storage = Create(_root.Path);
        var left = new TestState { Text = "left over from an earlier activation" };
        var holder = new GrainState<TestState>(left) { ETag = "7", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrainId("missing"), holder);

        Assert.False(holder.RecordExists);
        Assert.Null(holder.ETag);
        Assert.NotSame(left, holder.State);
        Assert.Equal(string.Empty, holder.State!.Text);
    }

    [Fact]
    public async Task Write_then_read_by_another_provider_over_the_folder_round_trips_state_and_etag()
    {
        var grainId = NewGrainId("roundtrip");
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var written = new GrainState<TestState>(new TestState { Text = "hello ünïcødé", Count = 42, Tags = ["a", "b"], At = at });

        await Create(_root.Path).WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(Create(_root.Path), grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("hello ünïcødé", read.State!.Text);
        Assert.Equal(42, read.State!.Count);
        Assert.Equal(["a", "b"], read.State!.Tags);
        Assert.Equal(at, read.State!.At);
    }

    [Fact]
    public async Task Each_write_gets_a_new_etag_and_a_read_sees_the_latest()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("sequence");
        var holder = Holder();
        var etags = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            holder.State!.Text = $"v{i}";
            await storage.WriteStateAsync(StateName, grainId, holder);
            etags.Add(holder.ETag!);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("v4", read.State!.Text);
        Assert.Equal(etags[^1], read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_leaves_the_record_unchanged()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("stale");
        await storage.WriteStateAsync(StateName, grainId, Holder("v1"));
        var stale = await ReadAsync(storage, grainId);
        var fresh = await ReadAsync(storage, grainId);
        fresh.State!.Text = "v2";
        await storage.WriteStateAsync(StateName, grainId, fresh);
        var before = await File.ReadAllBytesAsync(RecordPath(storage, grainId));

        stale.State!.Text = "a lost update";
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(fresh.ETag, ex.StoredEtag);
        Assert.Equal(stale.ETag, ex.CurrentEtag);
        Assert.Contains(grainId.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(RecordPath(storage, grainId)));
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("v2", read.State!.Text);
        Assert.Equal(fresh.ETag, read.ETag);
    }

    [Fact]
    public async Task A_create_only_write_on_an_existing_record_throws_and_leaves_it_unchanged()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("create-only");
        var original = Holder("original");
        await storage.WriteStateAsync(StateName, grainId, original);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, Holder("intruder")));

        Assert.Equal(original.ETag, ex.StoredEtag);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("original", read.State!.Text);
        Assert.Equal(original.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_when_no_record_exists_throws_and_creates_nothing()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("phantom");

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState()) { ETag = "1" }));

        Assert.False(File.Exists(RecordPath(storage, grainId)));
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task Clear_then_write_continues_the_version_sequence_so_no_etag_is_reused()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("clear");
        var owner = Holder("one");
        await storage.WriteStateAsync(StateName, grainId, owner);
        var seen = new List<string> { owner.ETag! };
        owner.State!.Text = "two";
        await storage.WriteStateAsync(StateName, grainId, owner);
        seen.Add(owner.ETag!);
        var fromBeforeTheClear = await ReadAsync(storage, grainId);

        await storage.ClearStateAsync(StateName, grainId, owner);

        Assert.Null(owner.ETag);
        Assert.False(owner.RecordExists);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);

        // A create-only write after the clear; then the same again through a new provider (a
        // restarted silo), which must also know the versions the cleared records had.
        owner.State = new TestState { Text = "after the clear" };
        await storage.WriteStateAsync(StateName, grainId, owner);
        Assert.DoesNotContain(owner.ETag, seen);
        seen.Add(owner.ETag!);
        var restarted = Create(_root.Path);
        await restarted.ClearStateAsync(StateName, grainId, owner);
        owner.State = new TestState { Text = "after the second clear" };
        await restarted.WriteStateAsync(StateName, grainId, owner);
        Assert.DoesNotContain(owner.ETag, seen);

        // A holder from before the clear (a stale activation) cannot write over the new record.
        fromBeforeTheClear.State!.Text = "from a stale activation";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, fromBeforeTheClear));
        Assert.Equal("after the second clear", (await ReadAsync(storage, grainId)).State!.Text);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("clear-stale");
        await storage.WriteStateAsync(StateName, grainId, Holder("v1"));
        var stale = await ReadAsync(storage, grainId);
        var fresh = await ReadAsync(storage, grainId);
        await storage.WriteStateAsync(StateName, grainId, fresh);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(fresh.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_a_missing_record_is_a_no_op_without_an_etag_and_a_conflict_with_one()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("clear-missing");

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, new GrainState<TestState>(new TestState()) { ETag = "3" }));
        var holder = Holder("ignored");
        await storage.ClearStateAsync(StateName, grainId, holder);

        Assert.False(holder.RecordExists);
        Assert.Null(holder.ETag);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task State_names_of_one_grain_are_separate_records()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("names");
        await storage.WriteStateAsync("first", grainId, Holder("1"));
        await storage.WriteStateAsync("second", grainId, Holder("2"));

        Assert.Equal("1", (await ReadAsync(storage, grainId, "first")).State!.Text);
        Assert.Equal("2", (await ReadAsync(storage, grainId, "second")).State!.Text);
        Assert.NotEqual(RecordPath(storage, grainId, "first"), RecordPath(storage, grainId, "second"));
    }

    [Fact]
    public async Task A_record_is_a_version_line_then_the_json_state_and_leaves_no_temporary_file()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("layout");
        var holder = Holder("on disk");

        await storage.WriteStateAsync(StateName, grainId, holder);

        var path = RecordPath(storage, grainId);
        // The key has only letters, digits and '-', which the file name keeps as they are.
        Assert.Equal(Path.Combine(_root.Path, StateName, "contract", grainId.Key.ToString() + ".json"), path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(holder.ETag, lines[0]);
        Assert.Contains("\"Text\":\"on disk\"", lines[1], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }
}
