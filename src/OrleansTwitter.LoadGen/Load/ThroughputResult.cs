using OrleansTwitter.LoadGen.Measurement;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>One closed-loop run: completed calls and errors in the measured window, and what they cost.</summary>
internal sealed record ThroughputResult(int Concurrency, long Completed, long Errors, double CallsPerSecond, string? FirstError, ResourceUsage Usage);
