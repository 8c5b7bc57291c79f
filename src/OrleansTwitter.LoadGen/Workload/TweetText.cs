using System.Globalization;

namespace OrleansTwitter.LoadGen.Workload;

/// <summary>
/// A tweet's body, made up from its id alone, so the history and the posts of a run are the
/// same for every target without being stored in the load generator: 50 to 150 characters,
/// about the length of a real tweet.
/// </summary>
internal static class TweetText
{
    private const string Words =
        "the quick brown fox jumps over the lazy dog while the cluster fans out every post to the followers " +
        "who are online and skips the rest until they come back, reading their home timeline newest first; " +
        "a celebrity with many followers is merged on read instead so that no post wakes a million grains at once " +
        "and latency stays low at the ninety ninth percentile even when the machine is busy with other work";

    private const int MinLength = 40;
    private const int ExtraLength = 100;

    public static string For(long id, int author)
    {
        // A multiplicative hash spreads consecutive ids over lengths and offsets.
        var hash = unchecked((ulong)id * 0x9E3779B97F4A7C15UL);
        var length = MinLength + (int)(hash % (ExtraLength + 1));
        var offset = (int)((hash >> 20) % (ulong)(Words.Length - MinLength - ExtraLength));
        return string.Create(CultureInfo.InvariantCulture, $"u{author} #{id}: {Words.AsSpan(offset, length)}");
    }
}
