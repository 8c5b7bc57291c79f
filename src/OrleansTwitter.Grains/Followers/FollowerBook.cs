using Microsoft.Extensions.Logging;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Followers;

/// <summary>
/// The followee's side of the follow graph: hands out chunk places, adds and removes followers
/// in their chunks, keeps the count, decides celebrity status with hysteresis, and has a
/// change of status announced to the followers.
/// </summary>
/// <remarks>
/// <para>Operations are applied in batches, each journaled in <see cref="FollowersState.InFlight"/>
/// before any chunk changes and counted when the chunks answer; a chunk answers a replay of the
/// same version as it answered the first time. So a crash anywhere in between is finished by the
/// next batch or <see cref="RecoverAsync"/>, and every change is counted exactly once.</para>
/// <para>Operations interleave with the user's other requests (a user may follow someone who is
/// following it at the same moment), so a gate runs batches one at a time. Whoever holds the
/// gate takes every operation waiting (up to <see cref="MaxBatch"/>) into its batch: a burst of
/// follows costs a few writes, not three per follower.</para>
/// </remarks>
internal sealed class FollowerBook(
    IPersistentState<FollowersState> state,
    string ownerKey,
    IGrainFactory grainFactory,
    TimelineOptions options,
    Func<bool, FollowersState, Task> announce,
    ILogger logger)
{
    /// <summary>Operations per batch: bounds the journal, and so the followee's largest state write.</summary>
    public const int MaxBatch = 128;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<Pending> _waiting = new();

    public FollowersState State => state.State;

    /// <summary>The chunks that may hold followers.</summary>
    public int ChunkCount => ChunkCountOf(State);

    /// <summary>True when something a crash interrupted (or a new threshold) is left to finish; checked without creating a book.</summary>
    public static bool NeedsRecovery(FollowersState state, TimelineOptions options) => state.InFlight is not null
        || state.Celebrity != state.CelebrityAnnounced
        || options.IsCelebrity(state.Celebrity, state.Count) != state.Celebrity;

    /// <summary>The chunks that may hold followers, by the state alone.</summary>
    public static int ChunkCountOf(FollowersState state) => state.OpenChunk + 1;

    public string ChunkKey(int chunk) => FollowerChunkGrain.KeyOf(ownerKey, chunk);

    /// <summary>
    /// A chunk place for a new follower, which it records before asking to be added, so that a
    /// retry after a crash goes to the same chunk. Not written by itself: a crash can lose a
    /// few reservations, and then a chunk ends a few followers above its nominal size.
    /// </summary>
    public int Reserve()
    {
        if (State.OpenChunkReserved >= TimelineLimits.FollowerChunkSize)
        {
            State.OpenChunk++;
            State.OpenChunkReserved = 0;
        }

        State.OpenChunkReserved++;
        return State.OpenChunk;
    }

    public async Task<FollowerChange> ApplyAsync(string followerHandle, int chunk, bool add)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunk);
        var pending = new Pending(new FollowerOperation(followerHandle, chunk, add));
        _waiting.Enqueue(pending);
        await _gate.WaitAsync();
        try
        {
            // An earlier holder of the gate may have taken this operation into its batch.
            while (!pending.Result.Task.IsCompleted)
            {
                var batch = new List<Pending>(Math.Min(_waiting.Count, MaxBatch));
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                await RunBatchAsync(batch);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await pending.Result.Task;
    }

    /// <summary>
    /// Finishes a batch a crash interrupted, re-decides celebrity status (the threshold may have
    /// been reconfigured), and repeats an announcement a crash kept from the followers.
    /// </summary>
    public async Task RecoverAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (State.InFlight is { } interrupted)
            {
                await FinishAsync(interrupted);
                TimelineLog.FollowerOperationRecovered(logger, ownerKey, interrupted.Version);
            }

            var celebrity = options.IsCelebrity(State.Celebrity, State.Count);
            if (celebrity != State.Celebrity)
            {
                State.Celebrity = celebrity;
                await state.WriteStateAsync();
            }

            await AnnounceIfNeededAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunBatchAsync(List<Pending> batch)
    {
        try
        {
            if (State.InFlight is { } interrupted)
            {
                await FinishAsync(interrupted);
            }

            var journal = new FollowerBatch(State.Version + 1, [.. batch.Select(p => p.Operation)]);
            State.InFlight = journal;
            State.Version = journal.Version;
            await state.WriteStateAsync();
            var (changed, flipped) = await FinishAsync(journal);
            await AnnounceIfNeededAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.SetResult(new FollowerChange(changed[i], State.Celebrity, flipped));
            }
        }
        catch (Exception exception)
        {
            // A journaled batch stays journaled and is finished by the next one; the callers
            // see the error and retry (their own intent is still recorded).
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(exception);
            }
        }
    }

    private async Task<(bool[] Changed, bool Flipped)> FinishAsync(FollowerBatch batch)
    {
        var changed = new bool[batch.Operations.Count];
        var byChunk = batch.Operations.Select((operation, index) => (operation, index)).GroupBy(x => x.operation.Chunk).ToList();
        var answers = await Task.WhenAll(byChunk.Select(group =>
            grainFactory.GetGrain<IFollowerChunkGrain>(ChunkKey(group.Key))
                .ApplyAsync(batch.Version, [.. group.Select(x => x.operation)])));
        for (var g = 0; g < byChunk.Count; g++)
        {
            var positions = byChunk[g].Select(x => x.index).ToList();
            for (var k = 0; k < positions.Count; k++)
            {
                var index = positions[k];
                changed[index] = answers[g][k];
                if (changed[index])
                {
                    State.Count = Math.Max(0, State.Count + (batch.Operations[index].Add ? 1 : -1));
                }

                // A follower may hold a place from a reservation that a crash kept from being written.
                State.OpenChunk = Math.Max(State.OpenChunk, batch.Operations[index].Chunk);
            }
        }

        var wasCelebrity = State.Celebrity;
        State.Celebrity = options.IsCelebrity(wasCelebrity, State.Count);
        State.InFlight = null;
        await state.WriteStateAsync();
        if (State.Celebrity != wasCelebrity)
        {
            TimelineLog.CelebrityChanged(logger, ownerKey, State.Celebrity ? "now" : "no longer", State.Count);
        }

        return (changed, State.Celebrity != wasCelebrity);
    }

    private async Task AnnounceIfNeededAsync()
    {
        if (State.Celebrity == State.CelebrityAnnounced)
        {
            return;
        }

        var celebrity = State.Celebrity;
        try
        {
            await announce(celebrity, State);
            State.CelebrityAnnounced = celebrity;
            await state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change itself is stored; followers also learn it when they rebuild.
            TimelineLog.CelebrityAnnouncementFailed(logger, exception, ownerKey, celebrity ? "now" : "no longer");
        }
    }

    private sealed class Pending(FollowerOperation operation)
    {
        public FollowerOperation Operation { get; } = operation;

        public TaskCompletionSource<FollowerChange> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
