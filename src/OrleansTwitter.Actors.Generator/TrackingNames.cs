namespace OrleansTwitter.Actors.Generator;

/// <summary>Names of pipeline steps, so tests can check that unchanged grains stay cached.</summary>
internal static class TrackingNames
{
    public const string GrainInterfaces = nameof(GrainInterfaces);
    public const string GrainClasses = nameof(GrainClasses);
    public const string Manifest = nameof(Manifest);
}
