using System.Collections.Immutable;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Followers;

[GrainType(GrainTypeName)]
internal sealed class FollowerChunkGrain([PersistentState(FollowerChunkState.Name)] IPersistentState<FollowerChunkState> state)
    : Grain, IFollowerChunkGrain
{
    public const string GrainTypeName = "followerchunk";

    private ImmutableArray<string>? _members;

    public static string KeyOf(string followeeKey, int chunk) => $"{followeeKey}#{chunk}";

    public async Task<ImmutableArray<bool>> ApplyAsync(long version, ImmutableArray<FollowerOperation> operations)
    {
        if (version == state.State.LastVersion && state.State.LastChanged.Count == operations.Length)
        {
            // A replay of the recorded batch. Only a batch that changed something is recorded;
            // replaying one that did not finds the same membership and gives the same answers.
            return [.. state.State.LastChanged];
        }

        var members = state.State.Members;
        var changed = new bool[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            var (follower, _, add) = operations[i];
            var index = members.BinarySearch(follower, Handle.Comparer);
            if (add && index < 0)
            {
                members.Insert(~index, follower);
                changed[i] = true;
            }
            else if (!add && index >= 0)
            {
                members.RemoveAt(index);
                changed[i] = true;
            }
        }

        if (!changed.Contains(true))
        {
            return [.. changed];
        }

        state.State.LastVersion = version;
        state.State.LastChanged = [.. changed];
        _members = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: go back to what storage holds, so the followee's retry starts from it.
            await state.ReadStateAsync();
            throw;
        }

        return [.. changed];
    }

    public Task<ImmutableArray<string>> GetMembersAsync() => Task.FromResult(_members ??= [.. state.State.Members]);
}
