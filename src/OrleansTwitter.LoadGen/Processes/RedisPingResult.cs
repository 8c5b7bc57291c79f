namespace OrleansTwitter.LoadGen.Processes;

/// <summary>What redis-benchmark reported, and the command that produced it.</summary>
internal sealed record RedisPingResult(string Command, IReadOnlyList<RedisPingVariant> Variants)
{
    /// <summary>The better of the variants: the reference a grain call is compared with.</summary>
    public double BestRequestsPerSecond => Variants.Max(v => v.RequestsPerSecond);
}
