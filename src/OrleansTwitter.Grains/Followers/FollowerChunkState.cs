namespace OrleansTwitter.Grains.Followers;

/// <summary>The persisted state of a <see cref="FollowerChunkGrain"/>.</summary>
internal sealed class FollowerChunkState
{
    public const string Name = "chunk";

    /// <summary>Followers' handles, sorted without regard to case (that is, by key).</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>The version of the last batch that changed membership.</summary>
    public long LastVersion { get; set; }

    /// <summary>That batch's answers, operation by operation.</summary>
    public List<bool> LastChanged { get; set; } = [];
}
