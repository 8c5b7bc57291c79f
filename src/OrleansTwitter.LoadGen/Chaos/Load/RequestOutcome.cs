namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>One request of the load: what it was, when it started (on the scenario's clock), how long it took, and its failure if any.</summary>
internal sealed record RequestOutcome(string Operation, TimeSpan Start, TimeSpan Duration, string? Failure)
{
    public bool Ok => Failure is null;

    public TimeSpan End => Start + Duration;
}
