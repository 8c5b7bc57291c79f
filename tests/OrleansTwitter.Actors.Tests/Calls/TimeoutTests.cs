using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Calls;

[Collection(WallClockCollection.Name)]
public sealed class TimeoutTests
{
    [Fact]
    public async Task A_call_that_never_completes_fails_with_a_timeout_after_the_response_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        await using var silo = await TestSilo.StartAsync(s =>
        {
            s.Services.Configure<MessagingOptions>(o => o.ResponseTimeout = timeout);
            s.Services.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = timeout);
        });
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.HangAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("HangAsync", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, timeout - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task The_response_timeout_follows_the_silo_clock()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(timeProvider: clock);
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());

        var call = grain.HangAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("00:00:30", error.Message, StringComparison.Ordinal);

        // HangAsync is still running: the stop goes ahead once the deactivation timeout passes on the silo clock.
        var stopping = silo.StopAsync();
        clock.Advance(new GrainCollectionOptions().DeactivationTimeout);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_graceful_stop_is_bounded_by_the_deactivation_timeout_when_a_request_never_completes()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Services.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMilliseconds(500)));
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());
        // Activated and idle: the responses come after the activation booked a call as done,
        // so HangAsync starts running the moment it is queued.
        await grain.AddAsync(1, 1);
        var hanging = grain.HangAsync();

        var watch = Stopwatch.StartNew();
        await silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(0, silo.Silo.ActivationCount);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_request_whose_caller_already_timed_out_is_not_executed()
    {
        var clock = new ManualTimeProvider();
        var journal = new LifecycleJournal();
        await using var silo = await TestSilo.StartAsync(s => s.Services.AddSingleton(journal), clock);
        var grain = silo.GrainFactory.GetGrain<ICallChainGrain>("expired-queue");

        var held = grain.HoldAsync();
        await journal.WaitForAsync("hold:expired-queue", TimeSpan.FromSeconds(10));
        var queued = grain.NextSequenceAsync();
        clock.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<TimeoutException>(() => held.WaitAsync(TimeSpan.FromSeconds(10)));

        // Release the held turn: had the expired request run, the sequence would now be 3.
        await grain.ReleaseAsync();
        Assert.Equal(2, await grain.NextSequenceAsync());
    }
}
