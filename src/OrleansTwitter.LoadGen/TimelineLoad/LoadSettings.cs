using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.Mix;
using OrleansTwitter.LoadGen.Targets;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>The <c>load</c> command's parameters.</summary>
internal sealed record LoadSettings
{
    /// <value>The targets to run, in order, on one graph.</value>
    public IReadOnlyList<TargetKind> Targets { get; init; } = [];

    public GraphSettings Graph { get; init; } = new();

    /// <value>10% of users are active: they read and post, and their timelines are cached before the run; the rest are cold.</value>
    public double ActiveShare { get; init; } = 0.1;

    /// <value>10 tweets per user posted before the run, so that every home timeline has entries from the first read.</value>
    public int HistoryPerUser { get; init; } = 10;

    public MixSettings Mix { get; init; } = new();

    /// <value>The Redis target's server, a StackExchange.Redis configuration string.</value>
    public string? Redis { get; init; }

    /// <value>4 connections to Redis, operations spread round robin (see <see cref="Targets.Redis.RedisTarget.ConnectAsync"/>).</value>
    public int RedisConnections { get; init; } = 4;

    /// <value>
    /// 1,000 users given a full timeline by the Orleans targets' memory measurement: their
    /// timelines (megabytes) outweigh the noise of two silos' heaps.
    /// </value>
    public int MemoryUsers { get; init; } = 1_000;

    /// <value>The SQL target's database, an Npgsql connection string.</value>
    public string? Postgres { get; init; }

    /// <value>Where to write the results as JSON; null for the console only.</value>
    public string? JsonPath { get; init; }

    /// <value>Where to write the chart (SVG); null for none.</value>
    public string? ChartPath { get; init; }

    /// <value>2 hours: a backstop that cancels a run that hangs.</value>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>What is wrong with these settings, in the command line's terms; nothing when they can run.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var problem in Graph.Validate())
        {
            yield return problem;
        }

        if (Targets.Count == 0)
        {
            yield return $"--target needs one or more of: {string.Join(", ", TargetNames.All)}.";
        }

        if (Targets.Distinct().Count() != Targets.Count)
        {
            yield return "--target names each target once.";
        }

        if (Targets.Contains(TargetKind.Redis) && string.IsNullOrWhiteSpace(Redis))
        {
            yield return "--target redis needs --redis HOST:PORT (a redis-server the benchmark may empty with FLUSHDB).";
        }

        if (MemoryUsers < 1)
        {
            yield return "--memory-users must be at least 1.";
        }

        if (RedisConnections < 1)
        {
            yield return "--redis-connections must be at least 1.";
        }

        if (Targets.Contains(TargetKind.Sql) && string.IsNullOrWhiteSpace(Postgres))
        {
            yield return "--target sql needs --postgres 'Host=...;Port=...;Username=...;Database=...' (a database in which the benchmark drops and creates users, tweets and follows).";
        }

        if (ActiveShare is <= 0 or > 1 or double.NaN)
        {
            yield return "--active-share must be above 0 and at most 1.";
        }

        if (HistoryPerUser < 1)
        {
            yield return "--history must be at least 1 tweet per user.";
        }

        if (Mix.ReadsPerPost < 0)
        {
            yield return "--reads-per-post must be 0 or more.";
        }

        if (Mix.Concurrency < 1)
        {
            yield return "--concurrency must be at least 1.";
        }

        if (Mix.Warmup < TimeSpan.Zero || Mix.Duration <= TimeSpan.Zero)
        {
            yield return "--warmup must be 0 or more seconds and --duration more than 0.";
        }
    }
}
