namespace OrleansTwitter.LoadGen.Processes;

/// <summary>One PING variant at full load: requests per second, and the median and 99th-percentile latency in milliseconds when reported.</summary>
internal sealed record RedisPingVariant(string Test, double RequestsPerSecond, double? P50Milliseconds, double? P99Milliseconds);
