namespace OrleansTwitter.Contracts;

/// <summary>
/// A tweet. Immutable once posted: one instance is shared by every home timeline in a silo
/// that holds it, so it must never be changed.
/// </summary>
/// <param name="Id">Its id; a larger id is newer.</param>
/// <param name="Author">The author's handle as registered (display form).</param>
/// <param name="Text">The trimmed text.</param>
/// <param name="CreatedAt">When it was posted (UTC; the instant its id encodes).</param>
public sealed record Tweet(TweetId Id, string Author, string Text, DateTimeOffset CreatedAt);
