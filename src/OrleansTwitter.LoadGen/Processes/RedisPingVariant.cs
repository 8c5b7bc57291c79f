namespace OrleansTwitter.LoadGen.Processes;

/// <summary>One PING variant: requests per second, and the median latency in milliseconds when reported.</summary>
internal sealed record RedisPingVariant(string Test, double RequestsPerSecond, double? P50Milliseconds);
