using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;
using static OrleansTwitter.Actors.Tests.Lifecycle.LifecycleTestSilo;

namespace OrleansTwitter.Actors.Tests.Lifecycle;

public sealed class TimerTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly LifecycleJournal _journal = new();

    [Fact]
    public async Task A_grain_timer_ticks_every_period_as_a_turn_of_the_activation()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(20);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), keepAlive: false);

        _clock.Advance(TimeSpan.FromSeconds(10));
        await _journal.WaitForAsync("tick:20:1", Wait);
        // The period runs from the end of a tick: a request queued behind it returns once the
        // tick finished and the timer re-armed, so the next advance is measured from there.
        await grain.GetTicksAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _journal.WaitForAsync("tick:20:2", Wait);

        Assert.Equal(2, await grain.GetTicksAsync());
    }

    [Fact]
    public async Task Ticks_do_not_count_as_activity_unless_the_timer_keeps_the_activation_alive()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var plain = silo.GrainFactory.GetGrain<ILifecycleGrain>(21);
        var keptAlive = silo.GrainFactory.GetGrain<ILifecycleGrain>(22);
        await plain.StartTimerAsync(TimeSpan.FromMinutes(1), keepAlive: false);
        await keptAlive.StartTimerAsync(TimeSpan.FromMinutes(1), keepAlive: true);
        var keptAliveId = (await keptAlive.GetInfoAsync()).ActivationId;

        for (var minute = 0; minute < 20; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await _journal.WaitForAsync($"tick:22:{minute + 1}", Wait);
            // Queued behind the tick: returns once the kept-alive timer has re-armed.
            await keptAlive.GetTicksAsync();
        }

        await _journal.WaitForAsync("deactivate:21:ActivationIdle", Wait);
        Assert.Equal(0, _journal.Count("deactivate:22:ActivationIdle"));
        Assert.Equal(keptAliveId, (await keptAlive.GetInfoAsync()).ActivationId);
    }

    [Fact]
    public async Task Timers_stop_when_their_activation_is_deactivated()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(23);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), keepAlive: false);
        await grain.DeactivateOnIdleAsync();
        await _journal.WaitForAsync("deactivate:23:ApplicationRequested", Wait);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _journal.Count("tick:23:1"));
    }
}
