using System.Collections.Immutable;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>
/// One partition of the user directory: the users whose handles share its first two characters,
/// sorted, so a prefix is a binary search and a short walk. Registration adds the user here.
/// </summary>
/// <remarks>
/// 37 × 37 partitions keep a partition at a few thousand users for a few million users. Far
/// beyond that a partition's write would grow with it, and the partitions would split by three
/// characters; not needed at this project's scale.
/// </remarks>
[GrainType("user-directory")]
internal sealed class DirectoryPartitionGrain([PersistentState(DirectoryPartitionState.Name)] IPersistentState<DirectoryPartitionState> state)
    : Grain, IDirectoryPartitionGrain
{
    private static readonly Comparer<DirectoryEntry> ByKey =
        Comparer<DirectoryEntry>.Create((a, b) => string.CompareOrdinal(Handle.ToKey(a.Handle), Handle.ToKey(b.Handle)));

    public async Task AddAsync(string handle, string displayName)
    {
        var key = Handle.Normalize(handle);
        if (DirectoryPartitions.Of(key) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"'{handle}' does not belong to directory partition '{this.GetPrimaryKeyString()}'.", nameof(handle));
        }

        var entry = new DirectoryEntry(handle, displayName);
        var users = state.State.Users;
        var at = users.BinarySearch(entry, ByKey);
        if (at >= 0)
        {
            if (users[at] == entry)
            {
                return;
            }

            users[at] = entry;
        }
        else
        {
            users.Insert(~at, entry);
        }

        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<DirectoryEntry>> ListAsync(string prefixKey, int limit)
    {
        var users = state.State.Users;
        var at = users.BinarySearch(new DirectoryEntry(prefixKey, string.Empty), ByKey);
        var result = ImmutableArray.CreateBuilder<DirectoryEntry>();
        for (var i = at < 0 ? ~at : at; i < users.Count && result.Count < limit; i++)
        {
            if (!Handle.ToKey(users[i].Handle).StartsWith(prefixKey, StringComparison.Ordinal))
            {
                break;
            }

            result.Add(users[i]);
        }

        return Task.FromResult(result.ToImmutable());
    }
}
