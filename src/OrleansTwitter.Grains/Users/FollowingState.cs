using System.Text.Json.Serialization;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// The accounts a user follows, with what the follow needs: the chunk that holds the user among
/// the followee's followers (so unfollowing touches exactly that chunk), whether the followee is
/// a celebrity (its tweets are merged on read), and a follow or unfollow still in progress.
/// </summary>
[GenerateSerializer, Alias("ot.FollowingState")]
internal sealed class FollowingState
{
    public const string Name = "following";

    /// <summary>By followee key.</summary>
    [Id(0)]
    public Dictionary<string, FollowedAccount> Accounts { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("ot.FollowedAccount")]
internal sealed class FollowedAccount
{
    /// <summary>The followee's handle as registered.</summary>
    [Id(0)]
    public string Handle { get; set; } = string.Empty;

    /// <summary>The followee's follower chunk that holds this user.</summary>
    [Id(1)]
    public int Chunk { get; set; }

    /// <summary>A change recorded before calling the followee and cleared after: a crash in between leaves it, and activation finishes it.</summary>
    [Id(2)]
    public FollowIntent Intent { get; set; }

    [Id(3)]
    public bool Celebrity { get; set; }

    /// <summary>True while the follow is in effect (done, and not being undone).</summary>
    [JsonIgnore]
    public bool Active => Intent == FollowIntent.None;
}

[JsonConverter(typeof(JsonStringEnumConverter<FollowIntent>))]
[GenerateSerializer, Alias("ot.FollowIntent")]
internal enum FollowIntent
{
    None,
    Follow,
    Unfollow,
}
