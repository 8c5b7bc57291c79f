namespace OrleansTwitter.Grains.Followers;

/// <summary>The persisted state of a <see cref="FollowerChunkGrain"/>.</summary>
[GenerateSerializer, Alias("ot.FollowerChunkState")]
internal sealed class FollowerChunkState
{
    public const string Name = "chunk";

    /// <summary>Followers' handles, sorted without regard to case (that is, by key).</summary>
    [Id(0)]
    public List<string> Members { get; set; } = [];

    /// <summary>The version of the last batch that changed membership.</summary>
    [Id(1)]
    public long LastVersion { get; set; }

    /// <summary>That batch's answers, operation by operation.</summary>
    [Id(2)]
    public List<bool> LastChanged { get; set; } = [];
}
