namespace OrleansTwitter.Contracts;

/// <summary>What the API shows about a user.</summary>
/// <param name="Handle">The handle as registered.</param>
/// <param name="DisplayName">The display name (the handle when none was given).</param>
/// <param name="Followers">How many users follow this one.</param>
/// <param name="Following">How many users this one follows.</param>
/// <param name="Tweets">How many tweets this user has posted.</param>
/// <param name="Celebrity">True while this user's tweets are merged into followers' timelines on read instead of fanned out.</param>
/// <param name="CreatedAt">When the user registered.</param>
[GenerateSerializer, Immutable, Alias("ot.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string Handle,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] long Followers,
    [property: Id(3)] int Following,
    [property: Id(4)] long Tweets,
    [property: Id(5)] bool Celebrity,
    [property: Id(6)] DateTimeOffset CreatedAt);
