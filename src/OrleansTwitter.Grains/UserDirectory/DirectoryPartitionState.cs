using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>A partition's users.</summary>
internal sealed class DirectoryPartitionState
{
    public const string Name = "users";

    /// <summary>Sorted by the lower-case handle (ordinal), one entry per user.</summary>
    public List<DirectoryEntry> Users { get; set; } = [];
}
