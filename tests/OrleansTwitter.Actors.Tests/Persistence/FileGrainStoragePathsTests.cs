using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Persistence;

public sealed class FileGrainStoragePathsTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("Some_Name-1.2", "Some_Name-1.2")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("a b", "a%20b")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("🐦", "%F0%9F%90%A6")]
    [InlineData(".", "%2E")]
    [InlineData("..", ".%2E")]
    [InlineData("name.", "name%2E")]
    [InlineData("", "~empty")]
    [InlineData("~empty", "%7Eempty")]
    [InlineData("con", "%63on")]
    [InlineData("NUL.txt", "%4EUL.txt")]
    [InlineData("console", "console")]
    public void Segments_are_escaped_readably(string input, string expected)
    {
        Assert.Equal(expected, FileGrainStoragePaths.EscapeSegment(input));
    }

    [Fact]
    public void Unpaired_surrogates_stay_distinct()
    {
        var high = FileGrainStoragePaths.EscapeSegment("\ud800");
        var low = FileGrainStoragePaths.EscapeSegment("\udc00");

        Assert.NotEqual(high, low);
        Assert.NotEqual(FileGrainStoragePaths.EscapeSegment("\ufffd"), high);
    }

    [Fact]
    public void Long_names_keep_a_readable_prefix_and_a_hash_within_the_bound()
    {
        var key = "user-" + new string('é', 500);

        var escaped = FileGrainStoragePaths.EscapeSegment(key);

        Assert.StartsWith("user-%C3%A9", escaped, StringComparison.Ordinal);
        Assert.InRange(escaped.Length, FileGrainStoragePaths.HashedPrefixLength - 2 + 65, FileGrainStoragePaths.HashedPrefixLength + 65);

        // The prefix ends on a whole %XX escape, then the separator and a SHA-256 in hex.
        Assert.Matches("^(?:[A-Za-z0-9_.-]|%[0-9A-F]{2})+~[0-9a-f]{64}$", escaped);
        Assert.NotEqual(escaped, FileGrainStoragePaths.EscapeSegment(key + "é"));
    }

    [Fact]
    public void Every_escaped_name_is_a_plain_portable_file_name()
    {
        string[] inputs = ["", ".", "..", "a/b\\c:d*e?f\"g<h>i|j", "\0", "\t\n", new string('/', 1000), "ü用户", "PRN"];

        foreach (var input in inputs)
        {
            var escaped = FileGrainStoragePaths.EscapeSegment(input);
            Assert.Matches("^[A-Za-z0-9_.%~-]+$", escaped);
            Assert.DoesNotMatch("^\\.*$", escaped);
            Assert.False(escaped.EndsWith('.'), escaped);
            Assert.True(escaped.Length <= FileGrainStoragePaths.MaxEscapedLength + 65, escaped);
        }
    }
}
