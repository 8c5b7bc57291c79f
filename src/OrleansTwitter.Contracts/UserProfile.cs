namespace OrleansTwitter.Contracts;

/// <summary>What the API shows about a user.</summary>
/// <param name="Handle">The handle as registered.</param>
/// <param name="DisplayName">The display name (the handle when none was given).</param>
/// <param name="Followers">How many users follow this one.</param>
/// <param name="Following">How many users this one follows.</param>
/// <param name="Tweets">How many tweets this user has posted.</param>
/// <param name="Celebrity">True while this user's tweets are merged into followers' timelines on read instead of fanned out.</param>
/// <param name="CreatedAt">When the user registered.</param>
public sealed record UserProfile(string Handle, string DisplayName, long Followers, int Following, long Tweets, bool Celebrity, DateTimeOffset CreatedAt);
