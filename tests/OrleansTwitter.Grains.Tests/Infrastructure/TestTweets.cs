using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tests.Infrastructure;

/// <summary>Tweets made up for data-structure tests: id n is n milliseconds after the epoch.</summary>
internal static class TestTweets
{
    public static Tweet Make(long id, string author = "author") =>
        new(new TweetId(id), author, $"tweet {id}", TweetId.Epoch);

    public static long[] Ids(IEnumerable<Tweet> tweets) => [.. tweets.Select(t => t.Id.Value)];
}
