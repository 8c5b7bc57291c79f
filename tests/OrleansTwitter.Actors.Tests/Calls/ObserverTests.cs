using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Calls;

public sealed class ObserverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_grain_calls_back_an_observer_in_the_same_silo_until_it_is_deleted()
    {
        await using var silo = await TestSilo.StartAsync();
        var observer = new RecordingObserver(expected: 2);
        var reference = silo.Client.CreateObjectReference<ITestObserver>(observer);
        var grain = silo.GrainFactory.GetGrain<IObservedGrain>("local-observed");
        await grain.SubscribeAsync(reference);

        Assert.Equal(1, await grain.NotifyAsync("one"));
        Assert.Equal(1, await grain.NotifyAsync("two"));
        await observer.Done.WaitAsync(Wait);

        silo.Client.DeleteObjectReference<ITestObserver>(reference);
        Assert.Equal(0, await grain.NotifyAsync("three"));
        Assert.Equal(["one", "two"], observer.Messages);
    }

    [Fact]
    public async Task An_object_that_does_not_implement_the_observer_interface_is_refused()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.Client.CreateObjectReference<ITestObserver>(new NotAnObserver()));

        Assert.Contains("does not implement", error.Message, StringComparison.Ordinal);
    }

    private sealed class NotAnObserver : OrleansTwitter.Actors.Core.IGrainObserver;
}
