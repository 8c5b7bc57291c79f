namespace OrleansTwitter.LoadGen.Graph;

/// <summary>
/// Follower counts with a power-law tail: a Lomax (shifted Pareto) distribution, so most users
/// have a few dozen followers, some have none, and a handful have tens of thousands.
/// </summary>
/// <remarks>
/// The counts are the distribution's quantiles at (i + ½) / N rather than N random draws: with
/// a tail this heavy (infinite variance), random draws would give a mean and a number of
/// celebrities that swing from seed to seed, and the benchmark wants the shape fixed and only
/// who is who to depend on the seed. The quantiles are scaled so that they add up to exactly
/// <see cref="GraphSettings.Follows"/>, capped at N - 1 (nobody follows themselves), and then
/// dealt out to users in the seed's random order.
/// </remarks>
internal static class FollowerCounts
{
    /// <summary>
    /// The tail index: P(followers &gt; x) falls as x^-1.9. With a mean of 75 and 100,000 users
    /// it gives 7 users over 10,000 followers ("a handful of celebrities"), a median of 30, a
    /// p99 of about 700 and a maximum of about 42,000.
    /// </summary>
    public const double TailIndex = 1.9;

    public static int[] Deal(GraphSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var counts = Quantiles(settings.Users, settings.Follows);
        random.Shuffle(counts);
        return counts;
    }

    /// <summary>The counts, largest first, adding up to <paramref name="total"/>.</summary>
    internal static int[] Quantiles(int users, long total)
    {
        var cap = users - 1;
        var raw = new double[users];
        for (var i = 0; i < users; i++)
        {
            raw[i] = Math.Pow((i + 0.5) / users, -1 / TailIndex) - 1;
        }

        // Scale the free values so that they and the capped ones add up to the total; a value
        // the scale pushes over the cap is capped, which leaves less for the others, so repeat.
        // The largest come first, so the capped ones are always a prefix.
        var capped = 0;
        double scale;
        while (true)
        {
            var free = 0.0;
            for (var i = capped; i < users; i++)
            {
                free += raw[i];
            }

            scale = (total - ((double)capped * cap)) / free;
            var newlyCapped = capped;
            while (newlyCapped < users && raw[newlyCapped] * scale >= cap)
            {
                newlyCapped++;
            }

            if (newlyCapped == capped)
            {
                break;
            }

            capped = newlyCapped;
        }

        // Round so that the running sum stays exact: each count is the rounded running total
        // minus the rounded total before it.
        var counts = new int[users];
        var running = 0.0;
        long assigned = 0;
        for (var i = 0; i < users; i++)
        {
            running += i < capped ? cap : raw[i] * scale;
            var upTo = (long)Math.Round(running);
            counts[i] = (int)Math.Clamp(upTo - assigned, 0, cap);
            assigned += counts[i];
        }

        return counts;
    }
}
