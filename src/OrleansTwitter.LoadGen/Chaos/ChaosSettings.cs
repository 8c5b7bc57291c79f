namespace OrleansTwitter.LoadGen.Chaos;

/// <summary>How hard and how long a failure scenario loads the cluster. The defaults are the system tests'.</summary>
internal sealed record ChaosSettings
{
    /// <summary>Requests started per second, over both web front ends.</summary>
    public double Rate { get; init; } = 300;

    /// <summary>The share of posts among them; the rest read home timelines (timelines are read far more than written).</summary>
    public double PostShare { get; init; } = 1.0 / 6;

    /// <summary>Signed-in users, all active through the run.</summary>
    public int Users { get; init; } = 48;

    /// <summary>How many users each follows.</summary>
    public int Followees { get; init; } = 4;

    /// <summary>Load on a steady cluster before the first fault, between steps, and after the last step beyond the bar's recovery window.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the audit waits for every acknowledged tweet to be in every timeline (Azure Queue's 30 s visibility timeout, and margin).</summary>
    public TimeSpan AuditTimeout { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>Where each process's whole output is saved, or null for nowhere.</summary>
    public string? LogFolder { get; init; }

    public IEnumerable<string> Validate()
    {
        if (Rate is < 1 or > 5000)
        {
            yield return "--rate must be between 1 and 5000 requests per second.";
        }

        if (Users < 2 || Followees < 1 || Followees >= Users)
        {
            yield return "--users must be at least 2, and --followees between 1 and users - 1.";
        }

        if (Hold < TimeSpan.FromSeconds(1))
        {
            yield return "--hold must be at least 1 second.";
        }
    }
}
