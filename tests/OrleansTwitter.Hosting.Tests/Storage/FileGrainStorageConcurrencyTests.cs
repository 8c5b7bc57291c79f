using System.Collections.Concurrent;
using Orleans.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Waiting;
using static OrleansTwitter.Hosting.Tests.Storage.FileStorages;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// Writers racing on one record with ETags: every acknowledged write is kept, exactly one of
/// two writers holding the same ETag wins, in one process (one provider or several, each with
/// its own lock-file handles) and across processes.
/// </summary>
public sealed class FileGrainStorageConcurrencyTests : IDisposable
{
    private const string CounterState = "count";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Tasks_racing_read_modify_write_never_lose_an_acknowledged_increment()
    {
        const int Writers = 8;
        const int IncrementsEach = 25;
        var shared = Create(_root.Path);
        var grainId = GrainId.Create("counter", $"in-process-{Guid.NewGuid():N}");
        var acknowledged = new ConcurrentBag<string>();
        var conflicts = 0;

        // Half the writers share one provider; the others each have their own, as other silos would.
        // They start together, and each yields between its read and its write, so that their
        // read-modify-writes overlap even when the thread pool has only a thread or two.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var storage = i % 2 == 0 ? shared : Create(_root.Path);
            var state = new GrainState<Counter>(new Counter());
            await go.Task;
            for (var done = 0; done < IncrementsEach;)
            {
                await storage.ReadStateAsync(CounterState, grainId, state);
                await Task.Yield();
                state.State!.Value++;
                try
                {
                    await storage.WriteStateAsync(CounterState, grainId, state);
                    acknowledged.Add(state.ETag!);
                    done++;
                }
                catch (InconsistentStateException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })).ToList();
        go.SetResult();
        await Eventually.CompletesAsync(Task.WhenAll(writers), Bound, $"{Writers} writers to make {IncrementsEach} increments each");

        var final = new GrainState<Counter>(new Counter());
        await shared.ReadStateAsync(CounterState, grainId, final);
        Assert.Equal(Writers * IncrementsEach, final.State!.Value);
        Assert.Equal(Writers * IncrementsEach, acknowledged.Distinct().Count());
        Assert.Contains(final.ETag, acknowledged);

        // The writers really raced, or this test proved nothing.
        Assert.True(conflicts > 0, "no write ever lost a race");
    }

    [Fact]
    public async Task Of_two_writers_with_the_same_etag_exactly_one_wins_each_round()
    {
        const int Rounds = 30;
        var first = Create(_root.Path);
        var second = Create(_root.Path);
        var grainId = NewGrainId("race");
        await first.WriteStateAsync(StateName, grainId, Holder("seed"));
        using var barrier = new Barrier(2);
        for (var round = 0; round < Rounds; round++)
        {
            var a = await ReadAsync(first, grainId);
            var b = await ReadAsync(second, grainId);
            Assert.Equal(a.ETag, b.ETag);
            a.State!.Text = $"a{round}";
            b.State!.Text = $"b{round}";

            var outcomes = await Eventually.CompletesAsync(
                Task.WhenAll(
                    Task.Run(() => WriteAfterBarrierAsync(first, grainId, a, barrier)),
                    Task.Run(() => WriteAfterBarrierAsync(second, grainId, b, barrier))),
                Bound,
                $"both writes of round {round}");

            Assert.Single(outcomes, won => won);
            var winner = outcomes[0] ? a : b;
            var stored = await ReadAsync(first, grainId);
            Assert.Equal(winner.State!.Text, stored.State!.Text);
            Assert.Equal(winner.ETag, stored.ETag);
        }
    }

    [Fact]
    public async Task Processes_racing_read_modify_write_never_lose_an_acknowledged_increment()
    {
        const int Processes = 3;
        const int IncrementsEach = 150;
        var key = $"processes-{Guid.NewGuid():N}";
        var contenders = new List<ContenderProcess>();
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                contenders.Add(ContenderProcess.Start(_root.Path, key, IncrementsEach));
            }

            // All are ready (started, provider loaded) before any starts, so they overlap.
            foreach (var contender in contenders)
            {
                await contender.WaitUntilReadyAsync(Bound);
            }

            foreach (var contender in contenders)
            {
                await contender.GoAsync();
            }

            var lostRaces = 0;
            foreach (var contender in contenders)
            {
                lostRaces += await contender.WaitForLostRacesAsync(Bound);
            }

            var final = new GrainState<Counter>(new Counter());
            await Create(_root.Path).ReadStateAsync(CounterState, GrainId.Create("counter", key), final);
            Assert.Equal(Processes * IncrementsEach, final.State!.Value);
            Assert.True(lostRaces > 0, "no contender ever lost a race: the processes did not overlap");
        }
        finally
        {
            foreach (var contender in contenders)
            {
                await contender.DisposeAsync();
            }
        }
    }

    private static async Task<bool> WriteAfterBarrierAsync(IGrainStorage storage, GrainId grainId, GrainState<TestState> holder, Barrier barrier)
    {
        Assert.True(barrier.SignalAndWait(Bound), "the other writer never reached the barrier");
        try
        {
            await storage.WriteStateAsync(StateName, grainId, holder);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
