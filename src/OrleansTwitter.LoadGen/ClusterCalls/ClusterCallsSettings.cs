namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>The <c>cluster-calls</c> benchmark's parameters; the defaults keep a whole run to about two and a half minutes.</summary>
internal sealed record ClusterCallsSettings
{
    /// <value>1,000 users, so calls spread over many activations on every silo.</value>
    public int Users { get; init; } = 1_000;

    /// <value>64, 256 and 1,024 concurrent callers; the best is the set-up's maximum.</value>
    public IReadOnlyList<int> Concurrency { get; init; } = [64, 256, 1_024];

    /// <value>3 s before each measured window (each closed-loop window, and the open-loop run at its rate), for JIT tiers, pools and queues to settle.</value>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <value>10 s per measured window.</value>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <value>10 s of the open-loop latency run.</value>
    public TimeSpan LatencyDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <value>Half of the set-up's maximum calls/s: a load the set-up sustains with room to spare, where latency is that of a call rather than of a queue.</value>
    public double LatencyLoad { get; init; } = 0.5;

    /// <value>
    /// None: the latency run's rate follows from <see cref="LatencyLoad"/>. When set, the run is at
    /// this many calls/s whatever the maximum was, so that builds or settings can be compared at
    /// the same load on a machine whose maximum varies from run to run.
    /// </value>
    public double? LatencyRate { get; init; }

    /// <summary>How the latency run's load is named in reports: "half load" by default.</summary>
    public string LatencyLoadLabel => LatencyRate is { } rate
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rate:N0} calls/s")
        : LatencyLoad == 0.5 ? "half load" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LatencyLoad:P0} load");

    /// <summary>The latency run's rate for a set-up whose maximum was <paramref name="maximum"/> calls/s.</summary>
    public double LatencyRateFor(double maximum) => LatencyRate ?? maximum * LatencyLoad;

    /// <value>Silo counts of the set-ups: one silo, then two.</value>
    public IReadOnlyList<int> SiloCounts { get; init; } = [1, 2];

    /// <value>200,000 PINGs per variant, from 50 connections (<c>redis-benchmark -n 200000 -c 50</c>).</value>
    public int RedisRequests { get; init; } = 200_000;

    /// <value>50 connections.</value>
    public int RedisClients { get; init; } = 50;

    /// <value>
    /// None. Extra environment variables for the silo processes (e.g. <c>DOTNET_gcServer=0</c>),
    /// for experiments that show what a runtime or host setting would change.
    /// </value>
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    /// <value>Where to write the Markdown results; null for the console only.</value>
    public string? OutputPath { get; init; }

    /// <value>10 minutes: a backstop that cancels a run that hangs.</value>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What is wrong with these settings, in the command line's terms; nothing when they can run.</summary>
    public IEnumerable<string> Validate()
    {
        if (Users < 1)
        {
            yield return "--users must be at least 1.";
        }

        if (Concurrency.Count == 0 || Concurrency.Any(c => c < 1))
        {
            yield return "--concurrency needs one or more values of at least 1.";
        }

        if (SiloCounts.Count == 0 || SiloCounts.Any(c => c is < 1 or > MaxSilos))
        {
            yield return $"--silos needs one or more values between 1 and {MaxSilos}.";
        }

        if (Warmup < TimeSpan.Zero || Duration <= TimeSpan.Zero)
        {
            yield return "--warmup must be 0 or more seconds and --duration more than 0.";
        }

        if (LatencyLoad is <= 0 or > 1)
        {
            yield return "--latency-load must be more than 0 and at most 1.";
        }

        if (LatencyRate is <= 0 or double.NaN or double.PositiveInfinity)
        {
            yield return "--latency-rate must be a number of calls/s above 0.";
        }

        if (SiloEnvironment.Keys.Any(k => k.Length == 0))
        {
            yield return "Every --silo-env must be NAME=VALUE.";
        }
    }

    // Each silo and the client share this machine's cores; more than a handful measures the scheduler.
    private const int MaxSilos = 8;
}
