namespace OrleansTwitter.LoadGen.Workload;

/// <summary>
/// The users who are online during a run: they read and post, and their home timelines are
/// in memory or cached before it starts. The others are cold: they only receive. A share of
/// all users, chosen at random from the seed.
/// </summary>
internal sealed class ActiveUsers
{
    private readonly bool[] _isActive;

    private ActiveUsers(int[] users, bool[] isActive)
    {
        Users = users;
        _isActive = isActive;
    }

    /// <summary>The active users, in the seed's random order.</summary>
    public IReadOnlyList<int> Users { get; }

    public int Count => Users.Count;

    public bool Contains(int user) => _isActive[user];

    public static ActiveUsers Choose(int users, double share, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        if (share is <= 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The active share must be above 0 and at most 1.");
        }

        var count = Math.Clamp((int)Math.Round(users * share), 1, users);

        // A stream of its own, so the choice does not depend on how the graph used its stream.
        var random = new Random(unchecked((seed * 31) + 17));
        var all = new int[users];
        for (var user = 0; user < users; user++)
        {
            all[user] = user;
        }

        // The first `count` places of a partial Fisher-Yates shuffle.
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, users);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..count];
        var isActive = new bool[users];
        foreach (var user in chosen)
        {
            isActive[user] = true;
        }

        return new ActiveUsers(chosen, isActive);
    }
}
