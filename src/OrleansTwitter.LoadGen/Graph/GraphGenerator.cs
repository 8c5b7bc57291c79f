namespace OrleansTwitter.LoadGen.Graph;

/// <summary>
/// Builds the social graph of <see cref="GraphSettings"/>: follower counts from
/// <see cref="FollowerCounts"/>, then for each user that many distinct followers drawn
/// uniformly from everyone else. Everything comes from one <see cref="Random"/> seeded with
/// <see cref="GraphSettings.Seed"/> and used in a fixed order, so a seed always gives the same
/// graph. It takes a second or two and no memory beyond the graph's own arrays and one int per user.
/// </summary>
internal static class GraphGenerator
{
    /// <param name="settings">What to build.</param>
    /// <param name="drawn">Told the number of follows drawn so far, now and then, on the calling thread.</param>
    public static SocialGraph Generate(GraphSettings settings, Action<long>? drawn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        var random = new Random(settings.Seed);
        var users = settings.Users;
        var counts = FollowerCounts.Deal(settings, random);
        var followerOffsets = new int[users + 1];
        for (var user = 0; user < users; user++)
        {
            followerOffsets[user + 1] = followerOffsets[user] + counts[user];
        }

        var followers = new int[followerOffsets[users]];

        // marks[v] == user + 1 while drawing user's followers: v is taken (or excluded). One
        // array for all users, never cleared, so each draw is O(1) with no set to allocate.
        var marks = new int[users];
        for (var user = 0; user < users; user++)
        {
            DrawFollowers(user, counts[user], followers.AsSpan(followerOffsets[user], counts[user]), marks, random);
            if ((user & 0x3FF) == 0)
            {
                drawn?.Invoke(followerOffsets[user + 1]);
            }
        }

        drawn?.Invoke(followers.Length);
        var (followingOffsets, following) = Invert(followerOffsets, followers);
        return new SocialGraph(settings, followerOffsets, followers, followingOffsets, following);
    }

    private static void DrawFollowers(int user, int count, Span<int> into, int[] marks, Random random)
    {
        var users = marks.Length;
        var mark = user + 1;
        marks[user] = mark;
        if (count <= (users - 1) / 2)
        {
            // Rejection sampling: at most half the others are taken, so a draw succeeds at least
            // every other try.
            for (var filled = 0; filled < count;)
            {
                var candidate = random.Next(users);
                if (marks[candidate] != mark)
                {
                    marks[candidate] = mark;
                    into[filled++] = candidate;
                }
            }

            return;
        }

        // Most users follow this one: draw the few who do not, and take everyone else.
        for (var excluded = 0; excluded < users - 1 - count;)
        {
            var candidate = random.Next(users);
            if (marks[candidate] != mark)
            {
                marks[candidate] = mark;
                excluded++;
            }
        }

        var at = 0;
        for (var candidate = 0; candidate < users; candidate++)
        {
            if (marks[candidate] != mark)
            {
                into[at++] = candidate;
            }
        }
    }

    // The follower lists turned around: for each user, whom they follow (ascending, as the
    // followees are visited in order).
    private static (int[] Offsets, int[] Following) Invert(int[] followerOffsets, int[] followers)
    {
        var users = followerOffsets.Length - 1;
        var offsets = new int[users + 1];
        foreach (var follower in followers)
        {
            offsets[follower + 1]++;
        }

        for (var user = 0; user < users; user++)
        {
            offsets[user + 1] += offsets[user];
        }

        var next = offsets[..users];
        var following = new int[followers.Length];
        for (var followee = 0; followee < users; followee++)
        {
            for (var i = followerOffsets[followee]; i < followerOffsets[followee + 1]; i++)
            {
                following[next[followers[i]]++] = followee;
            }
        }

        return (offsets, following);
    }
}
