using Orleans.Storage;
using System.Text;
using OrleansTwitter.Hosting.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using static OrleansTwitter.Hosting.Tests.Storage.FileStorages;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// A damaged record is an error that names its file, never "no record": read as none, the next
/// create-only write would silently replace whatever it held.
/// </summary>
public sealed class FileGrainStorageCorruptionTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("{\"Text\":\"no version line\"}")]
    [InlineData("12")]
    [InlineData("0\n{}")]
    [InlineData("-3\n{}")]
    [InlineData("v7\n{}")]
    [InlineData("\n{}")]
    [InlineData("\u0000\u0001garbage")]
    public async Task A_record_without_a_version_line_fails_every_operation_naming_the_file_and_is_never_overwritten(string content)
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("corrupt");
        var path = await PlantAsync(storage, grainId, content);

        var read = await Assert.ThrowsAsync<IOException>(() => ReadAsync(storage, grainId));
        var createOnly = await Assert.ThrowsAsync<IOException>(() => storage.WriteStateAsync(StateName, grainId, Holder("overwrite")));
        var update = await Assert.ThrowsAsync<IOException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState()) { ETag = "1" }));
        var clear = await Assert.ThrowsAsync<IOException>(() => storage.ClearStateAsync(StateName, grainId, Holder()));

        foreach (var ex in new[] { read, createOnly, update, clear })
        {
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(content), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task State_that_is_not_the_state_type_fails_the_read_naming_the_file_and_type_and_survives_a_create_only_write()
    {
        var storage = Create(_root.Path);
        var grainId = NewGrainId("mismatch");
        const string Content = "3\n{ this is not json";
        var path = await PlantAsync(storage, grainId, Content);

        var ex = await Assert.ThrowsAsync<IOException>(() => ReadAsync(storage, grainId));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, Holder("overwrite")));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TestState), ex.Message, StringComparison.Ordinal);
        Assert.Equal(Content, await File.ReadAllTextAsync(path));
    }

    private static async Task<string> PlantAsync(FileGrainStorage storage, GrainId grainId, string content)
    {
        var path = RecordPath(storage, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(content));
        return path;
    }
}
