using System.Text.Json.Serialization;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Users;

/// <summary>A user's persisted profile; a user exists once it has a <see cref="Handle"/>.</summary>
[GenerateSerializer, Alias("ot.ProfileState")]
internal sealed class ProfileState
{
    public const string Name = "profile";

    /// <summary>The handle as registered; null until registration.</summary>
    [Id(0)]
    public string? Handle { get; set; }

    [Id(1)]
    public string DisplayName { get; set; } = string.Empty;

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The latest idempotency keys of posts, oldest first, at most <see cref="TimelineLimits.RememberedIdempotencyKeys"/>.</summary>
    [Id(3)]
    public List<PostKey> PostKeys { get; set; } = [];

    [JsonIgnore]
    public bool Registered => Handle is not null;
}

/// <summary>The tweet id a post's idempotency key was given.</summary>
[GenerateSerializer, Immutable, Alias("ot.PostKey")]
internal sealed record PostKey([property: Id(0)] string Key, [property: Id(1)] TweetId Id);
