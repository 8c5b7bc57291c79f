using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Lifecycle;

public sealed class StateLifecycleTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ot-state-" + Guid.NewGuid().ToString("N"));
    private readonly LifecycleJournal _journal = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<TestSilo> StartFileSilo() => TestSilo.StartAsync(silo =>
    {
        silo.Services.AddSingleton(_journal);
        silo.Services.AddFileGrainStorage(GrainStorageNames.Default, o => o.RootPath = _folder);
    });

    [Fact]
    public async Task Deactivation_writes_state_the_grain_changed_without_writing()
    {
        await using var silo = await StartFileSilo();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(30);
        await grain.SetValueAsync("changed, never written", write: false);

        await grain.DeactivateOnIdleAsync();
        await _journal.WaitForAsync("deactivate:30:ApplicationRequested", Wait);

        Assert.Equal("changed, never written", (await grain.GetInfoAsync()).ValueAtActivation);
    }

    [Fact]
    public async Task Deactivation_does_not_write_state_that_was_only_read()
    {
        await using var silo = await StartFileSilo();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(31);
        await grain.GetInfoAsync();

        await grain.DeactivateOnIdleAsync();
        await _journal.WaitForAsync("deactivate:31:ApplicationRequested", Wait);

        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*.json", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_graceful_stop_deactivates_every_grain_and_a_new_host_reads_what_the_old_one_wrote()
    {
        var first = await StartFileSilo();
        for (var key = 40; key < 50; key++)
        {
            var grain = first.GrainFactory.GetGrain<ILifecycleGrain>(key);
            await grain.SetValueAsync($"written-{key}", write: true);
            await grain.SetValueAsync($"unwritten-{key}", write: false);
        }

        await first.DisposeAsync();
        for (var key = 40; key < 50; key++)
        {
            Assert.Equal(1, _journal.Count($"deactivate:{key}:ShuttingDown"));
        }

        await using var second = await StartFileSilo();
        for (var key = 40; key < 50; key++)
        {
            var info = await second.GrainFactory.GetGrain<ILifecycleGrain>(key).GetInfoAsync();
            Assert.Equal($"unwritten-{key}", info.ValueAtActivation);
        }
    }

    [Fact]
    public async Task A_stale_duplicate_activation_gets_InconsistentStateException_and_is_deactivated_to_reload()
    {
        // Two silos over one folder each activate the grain: the situation a brief
        // disagreement between silos creates, which the ETag must make harmless.
        await using var left = await StartFileSilo();
        await using var right = await StartFileSilo();
        var onLeft = left.GrainFactory.GetGrain<ILifecycleGrain>(60);
        var onRight = right.GrainFactory.GetGrain<ILifecycleGrain>(60);
        await onLeft.GetInfoAsync();
        await onRight.GetInfoAsync();

        await onLeft.SetValueAsync("left wins", write: true);
        await Assert.ThrowsAsync<InconsistentStateException>(() => onRight.SetValueAsync("right is stale", write: true));
        await _journal.WaitForAsync("deactivate:60:InconsistentState", Wait);

        var reloaded = await onRight.GetInfoAsync();
        Assert.Equal("left wins", reloaded.ValueAtActivation);
        await onRight.SetValueAsync("right after reload", write: true);
        Assert.Equal("right after reload", (await onRight.GetInfoAsync()).Value);
    }

    [Fact]
    public async Task A_grain_that_names_an_unregistered_storage_provider_fails_with_a_message_naming_it()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.GrainFactory.GetGrain<IMissingStorageGrain>(70).GetAsync().WaitAsync(Wait));

        Assert.Contains("storage provider 'NoSuchProvider'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orphan'", error.Message, StringComparison.Ordinal);
    }
}
