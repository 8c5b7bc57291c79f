namespace OrleansTwitter.Contracts;

/// <summary>One page of a timeline, newest first.</summary>
/// <param name="Items">The tweets of the page, newest first.</param>
/// <param name="Next">The <c>before</c> value of the following page; null when this is the last page.</param>
[GenerateSerializer, Immutable, Alias("ot.TimelinePage")]
public sealed record TimelinePage([property: Id(0)] IReadOnlyList<Tweet> Items, [property: Id(1)] TweetId? Next)
{
    /// <summary>A page with nothing on it and nothing after it.</summary>
    public static TimelinePage Empty { get; } = new([], null);
}
