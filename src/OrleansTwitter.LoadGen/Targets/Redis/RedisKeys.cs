using System.Globalization;
using OrleansTwitter.LoadGen.Workload;
using StackExchange.Redis;

namespace OrleansTwitter.LoadGen.Targets.Redis;

/// <summary>The Redis target's keys: short, since Redis keeps every key in memory.</summary>
internal static class RedisKeys
{
    /// <summary>One hash of all tweet bodies, field = tweet id, value = "author|body".</summary>
    public static readonly RedisKey Bodies = "tweets";

    /// <summary>A set of the user's followers (the graph, which a post reads to fan out).</summary>
    public static RedisKey Followers(int user) => "f:" + user.ToString(CultureInfo.InvariantCulture);

    /// <summary>A list of tweet ids, newest first, at most 800: the cached home timeline.</summary>
    public static RedisKey Timeline(int user) => "tl:" + user.ToString(CultureInfo.InvariantCulture);

    /// <summary><see cref="Timeline(int)"/> of a follower as <c>SMEMBERS</c> returned it.</summary>
    public static RedisKey Timeline(RedisValue user) => "tl:" + (string)user!;

    /// <summary>Lists the memory measurement fills and deletes again.</summary>
    public static RedisKey Calibration(int index) => "calibration:" + index.ToString(CultureInfo.InvariantCulture);

    public static RedisValue BodyValue(Tweet tweet) => tweet.Author.ToString(CultureInfo.InvariantCulture) + "|" + tweet.Body;

    public static TimelineEntry Entry(long id, RedisValue value)
    {
        var text = (string)value!;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return new TimelineEntry(id, int.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture), text[(bar + 1)..]);
    }
}
