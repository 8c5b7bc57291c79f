using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A user: <c>{ "handle", "displayName", "followers", "following", "tweets", "celebrity" }</c>; the counts are numbers.</summary>
internal sealed record UserResponse(string Handle, string DisplayName, long Followers, long Following, long Tweets, bool Celebrity)
{
    public static UserResponse From(UserProfile profile) =>
        new(profile.Handle, profile.DisplayName, profile.Followers, profile.Following, profile.Tweets, profile.Celebrity);
}
