using Microsoft.Extensions.Options;
using System.Collections.Immutable;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// One term's part of the index: the ids of the newest 10,000 tweets that have it. The index is
/// partitioned by term, so a search reads only the grains of its terms. Writes come batched per
/// silo (<see cref="IndexWriteBuffer"/>), so even a common word gets a few calls a second.
/// </summary>
/// <remarks>
/// Storage is written behind: at most once per <c>Search:IndexWriteDelay</c> while ids keep coming,
/// and when the grain deactivates (a graceful restart loses nothing). A tweet touches a dozen
/// terms, most of them rare, so writing on every call cost the silo a storage write per term per
/// batch: the <c>search</c> load generator measured posts/s with indexing on at 0.21× of off
/// that way (2 cores, 1 silo, Memory storage). The price: a silo that crashes loses the ids its
/// term grains got in the last delay; the tweets stay stored and reachable
/// by id and on timelines, only those searches miss them.
/// </remarks>
[GrainType("search-term")]
internal sealed class TermIndexGrain(
    [PersistentState(TermIndexState.Name)] IPersistentState<TermIndexState> state,
    IOptions<SearchOptions> options) : Grain, ITermIndexGrain
{
    private IGrainTimer? _write;

    public Task AddAsync(ImmutableArray<long> ids)
    {
        if (SortedIds.Insert(state.State.Ids, ids, SearchLimits.TermCapacity))
        {
            var delay = options.Value.IndexWriteDelay;
            _write ??= this.RegisterGrainTimer(WriteBehindAsync, new GrainTimerCreationOptions(delay, delay) { Interleave = false });
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<long>> GetNewestAsync(long before, int max) =>
        Task.FromResult(SortedIds.NewestBelow(state.State.Ids, before, max));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_write is not null)
        {
            _write.Dispose();
            _write = null;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    // The timer's token is canceled when the timer is disposed, so the timer goes only once the
    // write is done; the write does not interleave with AddAsync (Interleave = false), so ids added
    // after it start a timer of their own. A failed write leaves the timer running: it tries again
    // one delay later.
    private async Task WriteBehindAsync(CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(cancellationToken);
        _write?.Dispose();
        _write = null;
    }
}
