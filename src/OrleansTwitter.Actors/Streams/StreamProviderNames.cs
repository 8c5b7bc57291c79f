namespace OrleansTwitter.Actors.Streams;

/// <summary>Well-known stream provider names.</summary>
public static class StreamProviderNames
{
    /// <summary>The provider a host registers from <c>Streams:Provider</c> (Memory or, later, Redis).</summary>
    public const string Default = "Default";
}
