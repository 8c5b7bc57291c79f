using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;
using static OrleansTwitter.Actors.Tests.Lifecycle.LifecycleTestSilo;

namespace OrleansTwitter.Actors.Tests.Lifecycle;

public sealed class ActivationLifecycleTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly LifecycleJournal _journal = new();

    [Fact]
    public async Task First_call_activates_with_state_loaded_before_OnActivateAsync_and_later_calls_reuse_it()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(1);
        await grain.SetValueAsync("stored", write: true);
        await grain.DeactivateOnIdleAsync();
        await _journal.WaitForAsync("deactivate:1:ApplicationRequested", Wait);

        var first = await grain.GetInfoAsync();
        var second = await grain.GetInfoAsync();

        Assert.Equal("stored", first.ValueAtActivation);
        Assert.Equal(first.ActivationId, second.ActivationId);
        Assert.Equal(2, _journal.Count("activate:1"));
    }

    [Fact]
    public async Task An_activation_idle_for_the_collection_age_is_deactivated_and_the_next_call_reactivates()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(2);
        var before = await grain.GetInfoAsync();

        _clock.Advance(CollectionAge + CollectionQuantum);
        await _journal.WaitForAsync("deactivate:2:ActivationIdle", Wait);

        var after = await grain.GetInfoAsync();
        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }

    [Fact]
    public async Task An_activation_used_within_the_collection_age_is_kept()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(3);
        var before = await grain.GetInfoAsync();

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(CollectionAge / 2);
            await grain.GetInfoAsync();
        }

        var after = await grain.GetInfoAsync();
        Assert.Equal(before.ActivationId, after.ActivationId);
        Assert.Equal(0, _journal.Count("deactivate:3:ActivationIdle"));
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_activation_past_the_collection_age()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(4);
        var before = await grain.GetInfoAsync();
        await grain.DelayDeactivationAsync(CollectionAge * 3);

        _clock.Advance(CollectionAge * 2);
        Assert.Equal(before.ActivationId, (await grain.GetInfoAsync()).ActivationId);

        _clock.Advance(CollectionAge * 2);
        await _journal.WaitForAsync("deactivate:4:ActivationIdle", Wait);
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call_and_requests_queued_meanwhile_reach_a_new_activation()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(5);
        var before = await grain.GetInfoAsync();

        var deactivate = grain.DeactivateOnIdleAsync();
        var queued = grain.GetInfoAsync();
        await deactivate;

        await _journal.WaitForAsync("deactivate:5:ApplicationRequested", Wait);
        var after = await queued.WaitAsync(Wait);
        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }

    [Fact]
    public async Task A_failed_activation_fails_the_waiting_call_with_its_exception_and_the_next_call_activates_again()
    {
        await using var silo = await StartAsync(_clock, _journal);
        var grain = silo.GrainFactory.GetGrain<IActivationFailureGrain>("fails-once");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.PingAsync().WaitAsync(Wait));
        Assert.Equal("activation of fails-once fails the first time", error.Message);

        Assert.Equal("alive", await grain.PingAsync().WaitAsync(Wait));
        Assert.Equal(1, silo.Silo.ActivationCount);
    }
}
