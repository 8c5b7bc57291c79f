using OrleansTwitter.Hosting.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using static OrleansTwitter.Hosting.Tests.Storage.FileStorages;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>Grain keys, types and state names map to distinct, valid files inside the root, whatever they contain.</summary>
public sealed class FileGrainStorageKeyTests : IDisposable
{
    private static readonly string LongKey = new('k', 1000);

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string> AwkwardKeys() => new(
        "a/b",
        "a\\b",
        "../../escape",
        "..",
        ".",
        "#hashtag",
        "a#b",
        "with spaces\tand tabs",
        "ünïcødé 用户 🐦",
        "CON",
        "a~002Fb",
        LongKey,
        new string('/', 500),
        new string('é', 300));

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task An_awkward_key_round_trips_through_a_file_inside_the_root(string key)
    {
        var storage = Create(_root.Path);
        var grainId = GrainId.Create("awkward", key);

        await storage.WriteStateAsync(StateName, grainId, Holder(key));
        var read = await ReadAsync(Create(_root.Path), grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(key, read.State!.Text);
        var file = Assert.Single(Directory.GetFiles(_root.Path, "*.json", SearchOption.AllDirectories));
        Assert.StartsWith(_root.Path + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal);
        Assert.InRange(Path.GetFileName(file).Length, 1, FileGrainStoragePaths.MaxSegmentLength + ".json".Length + 1);
    }

    [Fact]
    public async Task Distinct_keys_never_share_a_file()
    {
        var storage = Create(_root.Path);
        string[] keys =
        [
            "a/b", "a\\b", "a_b", "a-b", "a b", "a#b", "a~002Fb", "a~b", "A/B", "#", "##", "..", ".", "...",
            "ü", "u\u0308", "用户", "🐦", LongKey, LongKey + "y", LongKey[..^1] + "y", LongKey[..119], LongKey[..120], LongKey[..121],
        ];

        for (var i = 0; i < keys.Length; i++)
        {
            await storage.WriteStateAsync(StateName, GrainId.Create("distinct", keys[i]), Holder($"#{i}"));
        }

        var files = Directory.GetFiles(_root.Path, "*.json", SearchOption.AllDirectories);
        Assert.Equal(keys.Length, files.Length);
        Assert.All(files, file => Assert.StartsWith(_root.Path + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal));
        for (var i = 0; i < keys.Length; i++)
        {
            var read = await ReadAsync(storage, GrainId.Create("distinct", keys[i]));
            Assert.Equal($"#{i}", read.State!.Text);
        }
    }

    [Fact]
    public async Task State_names_and_grain_types_that_look_like_paths_stay_inside_the_root()
    {
        var storage = Create(_root.Path);
        var grainId = GrainId.Create("../../type", "../../key");

        await storage.WriteStateAsync("../state", grainId, Holder("contained"));

        var file = Assert.Single(Directory.GetFiles(_root.Path, "*.json", SearchOption.AllDirectories));
        Assert.Equal(RecordPath(storage, grainId, "../state"), file);
        Assert.StartsWith(_root.Path + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal);
        Assert.Equal("contained", (await ReadAsync(storage, grainId, "../state")).State!.Text);
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(_root.Path, "../state"))));
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("some_name-1", "some_name-1")]
    [InlineData("Some_Name-1", "~0053ome_~004Eame-1")]
    [InlineData("a/b", "a~002Fb")]
    [InlineData("a~b", "a~007Eb")]
    [InlineData("#", "~0023")]
    [InlineData(".", "~002E")]
    [InlineData("ü", "~00FC")]
    [InlineData("", "~")]
    public void Segments_keep_lower_case_letters_digits_underscore_and_hyphen_and_escape_the_rest(string segment, string expected)
    {
        Assert.Equal(expected, FileGrainStoragePaths.Escape(segment));
    }

    [Fact]
    public void Keys_that_differ_only_in_case_map_to_names_that_differ_without_regard_to_case()
    {
        Assert.NotEqual(
            FileGrainStoragePaths.Escape("Alice"),
            FileGrainStoragePaths.Escape("alice"),
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_long_segment_keeps_a_readable_prefix_and_a_hash_of_the_whole()
    {
        var escaped = FileGrainStoragePaths.Escape("user-" + new string('x', 500));

        Assert.StartsWith("user-xxx", escaped, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_~-]+\\.[0-9a-f]{64}$", escaped);
        Assert.True(escaped.Length <= FileGrainStoragePaths.MaxSegmentLength + 1, escaped);
        Assert.NotEqual(escaped, FileGrainStoragePaths.Escape("user-" + new string('x', 501)));
    }
}
