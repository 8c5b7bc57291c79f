using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Calls;

public sealed class ErrorPropagationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_exception_thrown_after_an_await_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<FaultyGrainException>(() => grain.ThrowAsync("the grain failed").WaitAsync(Wait));

        Assert.Equal("the grain failed", error.Message);
    }

    [Fact]
    public async Task An_exception_thrown_before_the_method_returns_a_task_reaches_the_caller()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously("bad argument").WaitAsync(Wait));

        Assert.StartsWith("bad argument", error.Message, StringComparison.Ordinal);
        Assert.Equal("message", error.ParamName);
    }

    [Fact]
    public async Task A_grain_keeps_serving_after_a_call_failed()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid());
        await Assert.ThrowsAsync<FaultyGrainException>(() => grain.ThrowAsync("once").WaitAsync(Wait));

        Assert.Equal(5, await grain.AddAsync(2, 3));
    }

    [Fact]
    public async Task A_reference_to_an_unknown_grain_type_fails_the_call_with_a_message_naming_the_type()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(new GrainId("no-such-type", "1"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AddAsync(1, 1).AsTask().WaitAsync(Wait));

        Assert.Contains("'no-such-type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructing_a_grain_with_new_is_refused_with_an_explanation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new FaultyGrain());

        Assert.Contains("IGrainFactory.GetGrain", error.Message, StringComparison.Ordinal);
    }
}
