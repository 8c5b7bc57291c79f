using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>
/// A tweet: <c>{ "id", "author", "text", "createdAt" }</c>. The id is a string of digits
/// (JavaScript numbers lose precision above 2^53); the time is ISO-8601 UTC, ending in <c>Z</c>.
/// </summary>
internal sealed record TweetResponse(string Id, string Author, string Text, DateTime CreatedAt)
{
    public static TweetResponse From(Tweet tweet) =>
        new(tweet.Id.ToString(), tweet.Author, tweet.Text, tweet.CreatedAt.UtcDateTime);
}
