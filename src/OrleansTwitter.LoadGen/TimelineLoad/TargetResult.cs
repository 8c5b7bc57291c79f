using OrleansTwitter.LoadGen.Mix;
using OrleansTwitter.LoadGen.Targets;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>One target's run: its load, its mix, and its server's memory.</summary>
/// <param name="Kind">The target.</param>
/// <param name="LoadTime">How long loading the graph and history took.</param>
/// <param name="Mix">The measured mix.</param>
/// <param name="ServerPeakBytes">The server processes' peak memory over loading and the mix, when readable here.</param>
/// <param name="MemoryMeasure">"PSS" or "RSS": which memory <paramref name="ServerPeakBytes"/> is.</param>
/// <param name="BytesPerActiveUser">Server memory per active user with a full 800-entry timeline, where the design keeps one.</param>
internal sealed record TargetResult(TargetKind Kind, TimeSpan LoadTime, MixResult Mix, long? ServerPeakBytes, string? MemoryMeasure, double? BytesPerActiveUser)
{
    public string Name => TargetNames.Name(Kind);
}
