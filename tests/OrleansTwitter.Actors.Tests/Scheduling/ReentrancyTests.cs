using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Calls;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Scheduling;

[Collection(WallClockCollection.Name)]
public sealed class ReentrancyTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    private static Task<TestSilo> StartSilo() =>
        TestSilo.StartAsync(silo =>
        {
            silo.Services.Configure<MessagingOptions>(o => o.ResponseTimeout = ShortTimeout);
            // Hanging grains must not hold up the test's shutdown for the default 10 s.
            silo.Services.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = ShortTimeout);
        });

    [Fact]
    public async Task A_non_reentrant_cycle_fails_at_once_with_a_deadlock_error_that_names_the_call_chain()
    {
        // The default 30 s timeout: the cycle must be reported long before it.
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICallChainGrain>("cycle-a");

        var started = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.StartCycleAsync("cycle-b").WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Contains("callchain/cycle-a.StartCycleAsync -> callchain/cycle-b.BounceAsync -> callchain/cycle-a.PingAsync", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"deadlock reported after {started.Elapsed}");

        // The grains are usable afterwards.
        Assert.Equal("pong:cycle-a", await a.PingAsync());
    }

    [Fact]
    public async Task A_call_that_times_out_names_the_chain_it_is_still_waiting_on()
    {
        await using var silo = await StartSilo();
        var a = silo.GrainFactory.GetGrain<ICallChainGrain>("timeout-a");
        var hanging = Guid.NewGuid();

        var started = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => a.CallHangingAsync(hanging).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains($"callchain/timeout-a.CallHangingAsync -> faulty/{hanging:N}.HangAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains(ShortTimeout.ToString(), error.Message, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, ShortTimeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_reentrant_grain_completes_the_same_cycle()
    {
        // The default timeout: only the interleaving is under test, and a loaded machine must not fail it.
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<IReentrantCallChainGrain>("reentrant-a");

        var result = await a.StartCycleAsync("reentrant-b").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("bounced:pong:reentrant-a", result);
    }

    [Fact]
    public async Task An_always_interleave_method_is_called_back_along_the_chain_without_deadlock()
    {
        // The default timeout: only the interleaving is under test, and a loaded machine must not fail it.
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICallChainGrain>("interleave-a");

        var result = await a.StartInterleavedCycleAsync("interleave-b").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("bounced:ipong:interleave-a", result);
    }

    [Fact]
    public async Task An_always_interleave_request_runs_while_a_non_reentrant_request_awaits()
    {
        // The default timeout: only the interleaving is under test, and a loaded machine must not fail it.
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICallChainGrain>("interleave-release");

        var held = grain.HoldAsync();
        // ReleaseAsync is [AlwaysInterleave]: without interleaving, HoldAsync would never return.
        await grain.ReleaseAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await held.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
