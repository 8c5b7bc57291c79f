namespace OrleansTwitter.Grains.Followers;

/// <summary>What one follower operation did.</summary>
/// <param name="Changed">The follower set changed (false for a repeat).</param>
/// <param name="Celebrity">Whether the followee is a celebrity now.</param>
/// <param name="CelebrityFlipped">The operation made the followee become, or stop being, a celebrity.</param>
internal sealed record FollowerChange(bool Changed, bool Celebrity, bool CelebrityFlipped);
