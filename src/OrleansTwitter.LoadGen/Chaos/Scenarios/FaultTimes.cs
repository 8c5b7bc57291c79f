namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>
/// When a scenario's fault happened, and the moment its recovery bar counts from (the kill
/// itself; Redis being back), on the load's clock.
/// </summary>
/// <param name="Fault">The first fault (a SIGKILL, Redis stopped, the first silo started or stopped).</param>
/// <param name="Reference">The moment the recovery bar counts from.</param>
/// <param name="ReferenceName">What that moment is, for the report.</param>
internal sealed record FaultTimes(TimeSpan Fault, TimeSpan Reference, string ReferenceName);
