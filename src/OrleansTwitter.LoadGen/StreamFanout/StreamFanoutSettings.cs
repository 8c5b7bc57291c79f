namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary>The <c>stream-fanout</c> benchmark's knobs, with the defaults the README's figures use.</summary>
internal sealed record StreamFanoutSettings
{
    /// <summary>Authors posting; each posts one tweet at a time (a user grain's posts are sequential anyway).</summary>
    public int Authors { get; init; } = 100;

    /// <summary>Followers of every author: each tweet is this many deliveries.</summary>
    public int Followers { get; init; } = 100;

    /// <summary>How long the authors post in the throughput run, and the length of the lag run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The lag run's posting rate, as a fraction of the provider's maximum.</summary>
    public double LagLoad { get; init; } = 0.5;

    public string? OutputPath { get; init; }

    public IEnumerable<string> Validate()
    {
        if (Authors < 1 || Followers < 1)
        {
            yield return "--authors and --followers must be at least 1.";
        }

        if (Duration <= TimeSpan.Zero)
        {
            yield return "--duration must be positive.";
        }

        if (LagLoad is <= 0 or > 1)
        {
            yield return "--lag-load must be in (0, 1].";
        }
    }
}
