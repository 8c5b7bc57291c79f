using System.Text.Json;

namespace OrleansTwitter.Contracts.Tests;

public sealed class TweetIdTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_layout_is_milliseconds_then_node_then_sequence()
    {
        var id = TweetId.Create(milliseconds: 123_456_789, nodeId: 1023, sequence: 4095);

        Assert.Equal((123_456_789L << 22) | (1023L << 12) | 4095L, id.Value);
        Assert.Equal((123_456_789L, 1023, 4095), (id.Milliseconds, id.NodeId, id.Sequence));
        Assert.Equal(TweetId.Epoch.AddMilliseconds(123_456_789), id.Timestamp);
    }

    [Fact]
    public void Time_dominates_order_then_node_then_sequence()
    {
        var earlier = TweetId.Create(1_000, nodeId: 1023, sequence: 4095);
        var later = TweetId.Create(1_001, nodeId: 0, sequence: 0);

        Assert.True(later > earlier);
        Assert.True(TweetId.Create(5, 2, 0) > TweetId.Create(5, 1, 4095));
        Assert.True(TweetId.Create(5, 1, 1) > TweetId.Create(5, 1, 0));
    }

    [Fact]
    public void The_largest_time_fits_in_a_positive_64_bit_number()
    {
        var last = TweetId.Create(TweetId.MaxMilliseconds, TweetId.MaxNodeId, TweetId.MaxSequence);

        Assert.Equal(long.MaxValue, last.Value);
        Assert.Equal(2093, last.Timestamp.Year);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, 1024, 0)]
    [InlineData(0, 0, 4096)]
    [InlineData(0, -1, 0)]
    public void Fields_out_of_their_bits_are_rejected(long milliseconds, int nodeId, int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TweetId.Create(milliseconds, nodeId, sequence));

    [Fact]
    public void It_round_trips_through_decimal_text()
    {
        var id = TweetId.Create(987_654_321, 17, 42);

        Assert.Equal(id, TweetId.Parse(id.ToString()));
        Assert.True(TweetId.TryParse("9223372036854775807", out var max));
        Assert.Equal(long.MaxValue, max.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 12")]
    [InlineData("-12")]
    [InlineData("+12")]
    [InlineData("1e5")]
    [InlineData("9223372036854775808")]
    [InlineData("12abc")]
    [InlineData(null)]
    public void Text_that_is_not_digits_is_not_an_id(string? text)
    {
        Assert.False(TweetId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Contains("not a tweet id", Assert.Throws<FormatException>(() => TweetId.Parse(text)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void In_JSON_an_id_is_a_string_of_digits_so_JavaScript_keeps_every_bit()
    {
        var tweet = new Tweet(TweetId.Create(TweetId.MaxMilliseconds, 5, 6), "ada", "hi", TweetId.Epoch);

        var json = JsonSerializer.Serialize(tweet, Web);

        Assert.Contains($"\"id\":\"{tweet.Id.Value}\"", json, StringComparison.Ordinal);
        Assert.Equal(tweet, JsonSerializer.Deserialize<Tweet>(json, Web));
    }

    [Fact]
    public void JSON_reads_a_number_too_and_a_null_for_a_missing_id()
    {
        Assert.Equal(new TweetId(42), JsonSerializer.Deserialize<TweetId>("42"));
        Assert.Equal(new TweetId(42), JsonSerializer.Deserialize<TweetId>("\"42\""));
        Assert.Null(JsonSerializer.Deserialize<TweetId?>("null"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TweetId>("\"forty-two\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TweetId>("-1"));
    }

    [Fact]
    public void A_timeline_page_serializes_next_as_a_string()
    {
        var page = new TimelinePage([], new TweetId(7));

        Assert.Equal("{\"items\":[],\"next\":\"7\"}", JsonSerializer.Serialize(page, Web));
    }
}
