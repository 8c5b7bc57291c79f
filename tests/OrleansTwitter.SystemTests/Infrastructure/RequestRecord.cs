namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>One request of a load: its operation, start and duration on the <see cref="RequestLog"/>'s clock, and its failure if any.</summary>
internal sealed record RequestRecord(string Operation, TimeSpan Start, TimeSpan Duration, string? Failure)
{
    public bool Ok => Failure is null;

    public TimeSpan End => Start + Duration;
}
