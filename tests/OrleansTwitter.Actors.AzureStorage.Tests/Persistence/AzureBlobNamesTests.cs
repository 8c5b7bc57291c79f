using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Persistence;

public sealed class AzureBlobNamesTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("Some_Name-1.2", "Some_Name-1.2")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("a~2Fb", "a~7E2Fb")]
    [InlineData("a%2Fb", "a~252Fb")]
    [InlineData("a b", "a~20b")]
    [InlineData("ü", "~C3~BC")]
    [InlineData("🐦", "~F0~9F~90~A6")]
    [InlineData(".", "~2E")]
    [InlineData("..", ".~2E")]
    [InlineData("name.", "name~2E")]
    [InlineData("", "~empty")]
    [InlineData("~empty", "~7Eempty")]
    public void Segments_are_escaped_readably(string input, string expected)
    {
        Assert.Equal(expected, AzureBlobNames.EscapeSegment(input));
    }

    [Fact]
    public void A_blob_name_is_state_then_grain_type_then_key()
    {
        Assert.Equal("profile/user/ada~20lovelace.json", AzureBlobNames.GetBlobName("profile", GrainId.FromString("user", "ada lovelace")));
    }

    [Fact]
    public void Unpaired_surrogates_stay_distinct()
    {
        var high = AzureBlobNames.EscapeSegment("\ud800");
        var low = AzureBlobNames.EscapeSegment("\udc00");

        Assert.NotEqual(high, low);
        Assert.NotEqual(AzureBlobNames.EscapeSegment("\ufffd"), high);
    }

    [Fact]
    public void Long_segments_keep_a_readable_prefix_and_a_hash_within_the_bound()
    {
        var key = "user-" + new string('é', 500);

        var escaped = AzureBlobNames.EscapeSegment(key);

        Assert.StartsWith("user-~C3~A9", escaped, StringComparison.Ordinal);
        Assert.True(escaped.Length <= AzureBlobNames.MaxEscapedSegmentLength, escaped);

        // The prefix ends on a whole ~XX escape, then the separator and a SHA-256 in hex.
        Assert.Matches("^(?:[A-Za-z0-9_.-]|~[0-9A-F]{2})+~~[0-9a-f]{64}$", escaped);
        Assert.NotEqual(escaped, AzureBlobNames.EscapeSegment(key + "é"));
    }

    [Fact]
    public void Every_name_uses_only_unreserved_url_characters_and_fits_the_service_limit()
    {
        string[] inputs = ["", ".", "..", "a/b\\c:d*e?f\"g<h>i|j#k%l&m+n", "\0", "\t\n", new string('/', 1000), "ü用户", string.Concat(Enumerable.Repeat("🐦", 1000))];

        foreach (var input in inputs)
        {
            var name = AzureBlobNames.GetBlobName(input.Length == 0 ? "state" : input, GrainId.FromString(input.Length == 0 ? "type" : input, input));
            Assert.Matches("^[A-Za-z0-9_.~/-]+$", name);
            Assert.Equal(2, name.Count(c => c == '/'));
            Assert.DoesNotContain("/./", name, StringComparison.Ordinal);
            Assert.DoesNotContain("/../", name, StringComparison.Ordinal);
            Assert.True(name.Length <= AzureBlobNames.MaxBlobNameLength, name);
        }
    }

    [Fact]
    public void Distinct_keys_get_distinct_names()
    {
        var longKey = new string('x', 1000);
        string[] keys =
        [
            "a/b", "a~2Fb", "a%2Fb", "a_b", "a b", "A/B", "..", ".", "...", "", "~empty", "ü", "u\u0308",
            "\ud800", "\udc00", longKey, longKey + "y", longKey[..^1] + "y",
        ];

        var names = keys.Select(AzureBlobNames.EscapeSegment).ToList();

        Assert.Equal(keys.Length, names.Distinct(StringComparer.Ordinal).Count());
    }
}
