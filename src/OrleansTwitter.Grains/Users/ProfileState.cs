using System.Text.Json.Serialization;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Users;

/// <summary>A user's persisted profile; a user exists once it has a <see cref="Handle"/>.</summary>
internal sealed class ProfileState
{
    public const string Name = "profile";

    /// <summary>The handle as registered; null until registration.</summary>
    public string? Handle { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The latest idempotency keys of posts, oldest first, at most <see cref="TimelineLimits.RememberedIdempotencyKeys"/>.</summary>
    public List<PostKey> PostKeys { get; set; } = [];

    [JsonIgnore]
    public bool Registered => Handle is not null;
}

/// <summary>The tweet id a post's idempotency key was given.</summary>
internal sealed record PostKey(string Key, TweetId Id);
