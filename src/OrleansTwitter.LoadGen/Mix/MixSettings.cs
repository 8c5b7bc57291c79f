namespace OrleansTwitter.LoadGen.Mix;

/// <summary>The operations of a run: who does what, how many at once, for how long.</summary>
internal sealed record MixSettings
{
    /// <value>65 home-timeline reads per post: Twitter's 300k reads to 4.6k posts a second (DDIA, chapter 1).</value>
    public int ReadsPerPost { get; init; } = 65;

    /// <value>32 callers, each starting its next operation when the last returns (a closed loop).</value>
    public int Concurrency { get; init; } = 32;

    /// <value>10 s of the mix before the measured window: JIT tiers, connection pools and caches settle.</value>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    /// <value>30 s measured.</value>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <value>The graph's seed: the same run makes the same choices (who reads, who posts) in each caller.</value>
    public int Seed { get; init; } = 1;
}
