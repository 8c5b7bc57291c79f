namespace OrleansTwitter.LoadGen.Graph;

/// <summary>
/// Who follows whom, as two compressed adjacency arrays (one int per follow and direction,
/// plus an offset per user): 100,000 users and 7.5 million follows take about 60 MB. Users
/// are numbered 0 to <see cref="Users"/> - 1.
/// </summary>
internal sealed class SocialGraph
{
    private readonly int[] _followerOffsets;
    private readonly int[] _followers;
    private readonly int[] _followingOffsets;
    private readonly int[] _following;

    public SocialGraph(GraphSettings settings, int[] followerOffsets, int[] followers, int[] followingOffsets, int[] following)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(followerOffsets);
        ArgumentNullException.ThrowIfNull(followers);
        ArgumentNullException.ThrowIfNull(followingOffsets);
        ArgumentNullException.ThrowIfNull(following);
        Settings = settings;
        _followerOffsets = followerOffsets;
        _followers = followers;
        _followingOffsets = followingOffsets;
        _following = following;
    }

    public GraphSettings Settings { get; }

    public int Users => _followerOffsets.Length - 1;

    public long Follows => _followers.Length;

    /// <summary>The users who follow <paramref name="user"/>, in no particular order.</summary>
    public ReadOnlySpan<int> FollowersOf(int user) => _followers.AsSpan(_followerOffsets[user], _followerOffsets[user + 1] - _followerOffsets[user]);

    /// <summary>The users <paramref name="user"/> follows, in ascending order.</summary>
    public ReadOnlySpan<int> FollowingOf(int user) => _following.AsSpan(_followingOffsets[user], _followingOffsets[user + 1] - _followingOffsets[user]);

    public int FollowerCount(int user) => _followerOffsets[user + 1] - _followerOffsets[user];

    public bool IsCelebrity(int user) => FollowerCount(user) >= Settings.CelebrityThreshold;

    /// <summary>A user's handle in every target (the product's handles are lower-case letters, digits and underscores).</summary>
    public static string Handle(int user) => "u" + user.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public GraphShape Shape()
    {
        var counts = new int[Users];
        var celebrities = 0;
        for (var user = 0; user < Users; user++)
        {
            counts[user] = FollowerCount(user);
            celebrities += IsCelebrity(user) ? 1 : 0;
        }

        Array.Sort(counts);
        return new GraphShape(
            Users,
            Follows,
            (double)Follows / Users,
            Percentile(counts, 0.50),
            Percentile(counts, 0.99),
            counts[^1],
            celebrities,
            Settings.CelebrityThreshold);
    }

    // Nearest rank, as LatencySummary.
    private static int Percentile(int[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
