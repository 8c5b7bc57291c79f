namespace OrleansTwitter.LoadGen.Workload;

/// <summary>The product's home timeline, which every target reproduces.</summary>
internal static class TimelineShape
{
    /// <summary>Entries a cached timeline keeps (the product's <c>Timeline:Capacity</c>; Twitter's 800).</summary>
    public const int Capacity = 800;

    /// <summary>Entries a read returns, newest first, with their bodies.</summary>
    public const int PageSize = 50;
}
