using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Streams;

public sealed class MulticastTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static string[] Keys(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];

    [Fact]
    public async Task An_activation_optional_multicast_reaches_active_grains_and_wakes_no_other()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Keys("optional", 1_000);
        var active = keys.Where((_, i) => i % 2 == 0).ToArray();
        await Task.WhenAll(active.Select(k => silo.GrainFactory.GetGrain<IMulticastTargetGrain>(k).GetReceivedCountAsync()));
        var activationsBefore = silo.Silo.ActivationCount;

        var result = await silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(keys, g => g.ReceiveAsync(new MulticastPayload("hello")), activationOptional: true).WaitAsync(Wait);

        Assert.Equal(new(500, 500, 0, null), result);
        Assert.Equal(activationsBefore, silo.Silo.ActivationCount);
        Assert.All(await Task.WhenAll(active.Select(k => silo.GrainFactory.GetGrain<IMulticastTargetGrain>(k).GetReceivedCountAsync())), count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_multicast_that_is_not_optional_activates_every_target()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Keys("mandatory", 300);

        var result = await silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(keys, g => g.ReceiveAsync(new MulticastPayload("hi")), activationOptional: false).WaitAsync(Wait);

        Assert.Equal(300, result.Delivered);
        Assert.Equal(300, silo.Silo.ActivationCount);
    }

    [Fact]
    public async Task Failed_deliveries_are_counted_with_one_of_their_errors()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Keys("failing", 10);

        var result = await silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(keys, g => g.ReceiveAsync(new MulticastPayload("bad", Fail: true)), activationOptional: false).WaitAsync(Wait);

        Assert.Equal(0, result.Delivered);
        Assert.Equal(10, result.Failed);
        Assert.Contains("refused bad", result.FirstError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_multicasts_to_the_same_grains_all_arrive()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Keys("concurrent", 200);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(keys, g => g.ReceiveAsync(new MulticastPayload($"m{i}")), activationOptional: false)))).WaitAsync(Wait);

        Assert.All(results, r => Assert.Equal(200, r.Delivered));
        Assert.All(await Task.WhenAll(keys.Select(k => silo.GrainFactory.GetGrain<IMulticastTargetGrain>(k).GetReceivedCountAsync())), count => Assert.Equal(10, count));
    }

    [Fact]
    public async Task A_multicast_call_that_calls_no_grain_method_is_rejected()
    {
        await using var silo = await TestSilo.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(["a"], _ => Task.CompletedTask, activationOptional: true));
    }

    [Fact]
    public async Task An_empty_key_list_delivers_nothing()
    {
        await using var silo = await TestSilo.StartAsync();

        var result = await silo.Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>([], g => g.ReceiveAsync(new MulticastPayload("x")), activationOptional: true);

        Assert.Equal(new(0, 0, 0, null), result);
    }
}
