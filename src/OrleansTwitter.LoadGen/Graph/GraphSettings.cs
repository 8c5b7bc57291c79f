namespace OrleansTwitter.LoadGen.Graph;

/// <summary>What a social graph is built from; the same settings always give the same graph.</summary>
internal sealed record GraphSettings
{
    /// <value>100,000 users.</value>
    public int Users { get; init; } = 100_000;

    /// <value>75 followers per user on average (<c>Users × 75</c> follows), the mean of DDIA's Twitter example.</value>
    public double MeanFollowers { get; init; } = 75;

    /// <value>10,000 followers, the product's <c>Timeline:CelebrityThreshold</c>: an author with at least this many is a celebrity.</value>
    public int CelebrityThreshold { get; init; } = 10_000;

    /// <value>1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>The number of follows: every user's follower count adds up to this.</summary>
    public long Follows => (long)Math.Round(Users * MeanFollowers);

    /// <summary>What is wrong with these settings, in the command line's terms; nothing when a graph can be built.</summary>
    public IEnumerable<string> Validate()
    {
        if (Users < 2)
        {
            yield return "--users must be at least 2.";
        }

        if (MeanFollowers is <= 0 or double.NaN || MeanFollowers > Users - 1)
        {
            yield return "--mean-followers must be above 0 and at most --users - 1 (everyone follows everyone).";
        }

        // The graph is held as arrays indexed by int, one entry per follow.
        if (Follows > Array.MaxLength)
        {
            yield return $"--users × --mean-followers must be at most {Array.MaxLength:N0} follows.";
        }

        if (CelebrityThreshold < 1)
        {
            yield return "--celebrity-threshold must be at least 1.";
        }
    }
}
