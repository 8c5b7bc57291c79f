using OrleansTwitter.LoadGen.Measurement;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>One open-loop run at <see cref="TargetRate"/> calls/s: call latency, how late calls were issued, and what the run cost.</summary>
internal sealed record LatencyResult(double TargetRate, double IssuedRate, long Errors, string? FirstError, LatencySummary Latency, LatencySummary IssueLag, ResourceUsage Usage);
