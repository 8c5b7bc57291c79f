namespace OrleansTwitter.LoadGen.Search;

/// <summary>The <c>search</c> run's settings; the defaults are the figures' in docs/search.md.</summary>
internal sealed record SearchSettings
{
    public int Silos { get; init; } = 1;

    public int Users { get; init; } = 2_000;

    /// <summary>Concurrent posters of the closed-loop posting runs.</summary>
    public int Concurrency { get; init; } = 64;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Measured seconds per posting run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Posting runs per mode, alternating off and on, so drift on a shared machine hits both.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Tweets in the index before searches are measured (the posting runs' count towards it).</summary>
    public int Tweets { get; init; } = 100_000;

    public int Queries { get; init; } = 3_000;

    public int QueryConcurrency { get; init; } = 4;

    /// <summary>The whole run's limit: everything it started is stopped past it.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public IEnumerable<string> Validate()
    {
        if (Silos is < 1 or > 8)
        {
            yield return "--silos is 1 to 8.";
        }

        if (Users is < 10 or > 1_000_000)
        {
            yield return "--users is 10 to 1,000,000.";
        }

        if (Concurrency is < 1 or > 10_000 || QueryConcurrency is < 1 or > 1_000)
        {
            yield return "--concurrency is 1 to 10,000 and --query-concurrency 1 to 1,000.";
        }

        if (Warmup < TimeSpan.Zero || Duration <= TimeSpan.Zero || Rounds < 1)
        {
            yield return "--warmup is 0 or more seconds, --duration more than 0, --rounds at least 1.";
        }

        if (Tweets < 0 || Queries < 1)
        {
            yield return "--tweets is 0 or more and --queries at least 1.";
        }
    }
}
