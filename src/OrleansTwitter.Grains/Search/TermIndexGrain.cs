using System.Collections.Immutable;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// One term's part of the index: the ids of the newest 10,000 tweets that have it. The index is
/// partitioned by term, so a search reads only the grains of its terms. Writes come batched per
/// silo (<see cref="IndexWriteBuffer"/>), so even a common word gets a few writes a second.
/// </summary>
[GrainType("search-term")]
internal sealed class TermIndexGrain([PersistentState(TermIndexState.Name)] IPersistentState<TermIndexState> state) : Grain, ITermIndexGrain
{
    public async Task AddAsync(ImmutableArray<long> ids)
    {
        if (SortedIds.Insert(state.State.Ids, ids, SearchLimits.TermCapacity))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<long>> GetNewestAsync(long before, int max) =>
        Task.FromResult(SortedIds.NewestBelow(state.State.Ids, before, max));
}
