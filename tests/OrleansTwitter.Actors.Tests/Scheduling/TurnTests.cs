using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Scheduling;

public sealed class TurnTests
{
    private const int Callers = 400;
    private const int AwaitsPerCall = 4;

    [Fact]
    public async Task Non_reentrant_requests_never_overlap_under_parallel_callers()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITurnProbeGrain>("turns-non-reentrant");

        await RunParallelCallers(() => grain.EnterAsync(AwaitsPerCall));

        var stats = await grain.GetStatsAsync();
        Assert.Equal(Callers, stats.Calls);
        Assert.Equal(1, stats.MaxRequestsInFlight);
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
    }

    [Fact]
    public async Task Reentrant_requests_interleave_but_turns_never_overlap()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IReentrantTurnProbeGrain>("turns-reentrant");

        await RunParallelCallers(() => grain.EnterAsync(AwaitsPerCall));

        var stats = await grain.GetStatsAsync();
        Assert.Equal(Callers, stats.Calls);
        // Interleaving really happened, so the turn check below was under pressure.
        Assert.True(stats.MaxRequestsInFlight > 1, $"expected interleaved requests, saw at most {stats.MaxRequestsInFlight} in flight");
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
    }

    [Fact]
    public async Task Non_reentrant_requests_run_in_arrival_order_one_after_another()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICallChainGrain>("turns-order");

        var held = grain.HoldAsync();
        var queued = grain.NextSequenceAsync();

        // The second request cannot start while the first awaits.
        await grain.ReleaseAsync();
        Assert.Equal(1, await held.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, await queued.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task RunParallelCallers(Func<Task> call)
    {
        // An asynchronous gate: blocking hundreds of pool threads would starve the silo.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await call();
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
