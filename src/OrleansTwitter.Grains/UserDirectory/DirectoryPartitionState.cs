using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>A partition's users.</summary>
[GenerateSerializer, Alias("ot.DirectoryPartitionState")]
internal sealed class DirectoryPartitionState
{
    public const string Name = "users";

    /// <summary>Sorted by the lower-case handle (ordinal), one entry per user.</summary>
    [Id(0)]
    public List<DirectoryEntry> Users { get; set; } = [];
}
