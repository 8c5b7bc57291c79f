using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Tests.Persistence;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Persistence;

/// <summary>
/// Azurite stopped and started under the provider, persisting to disk (<c>--location</c>):
/// state survives a restart, transient faults are retried, and a stop in the middle of writes
/// surfaces an error without losing an acknowledged write. Each test runs its own Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class AzureBlobRestartTests
{
    private const string StateName = "profile";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task State_survives_an_Azurite_restart_with_disk_persistence()
    {
        using var data = new TempDirectory();
        var grainIds = Enumerable.Range(0, 5).Select(i => GrainId.FromString("restart", $"user-{i}-{Guid.NewGuid():N}")).ToList();
        var written = new Dictionary<GrainId, GrainState<TestState>>();
        await using (var before = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path))
        {
            var storage = TestStorage.Create(before.ConnectionString);
            foreach (var grainId in grainIds)
            {
                var holder = new GrainState<TestState>(new TestState { Text = grainId.Key, Count = 1 });
                await storage.WriteStateAsync(StateName, grainId, holder);
                holder.State.Count = 2;
                await storage.WriteStateAsync(StateName, grainId, holder);
                written[grainId] = holder;
            }

            await before.StopAsync(StopTimeout);
        }

        // A new process on a new port, and a new provider: only the disk carries the state.
        await using var after = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path);
        var reopened = TestStorage.Create(after.ConnectionString);
        foreach (var grainId in grainIds)
        {
            var read = new GrainState<TestState>(new TestState());
            await reopened.ReadStateAsync(StateName, grainId, read);
            Assert.True(read.RecordExists);
            Assert.Equal(grainId.Key, read.State.Text);
            Assert.Equal(2, read.State.Count);
            Assert.Equal(written[grainId].ETag, read.ETag);

            // The ETag from before the restart still guards the record.
            read.State.Count = 3;
            await reopened.WriteStateAsync(StateName, grainId, read);
            await Assert.ThrowsAsync<InconsistentStateException>(() => reopened.WriteStateAsync(StateName, grainId, written[grainId]));
        }
    }

    [Fact]
    public async Task A_write_that_meets_a_stopped_Azurite_is_retried_and_succeeds_once_it_is_back()
    {
        using var data = new TempDirectory();
        var name = TestStorage.NewName("retry");
        using var attempts = new AttemptRecorder(name);
        var grainId = GrainId.FromString("retry", $"user-{Guid.NewGuid():N}");
        var first = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path);
        var port = first.BlobPort;
        var storage = TestStorage.Create(first.ConnectionString, name, o =>
        {
            // Long enough to outlast an Azurite restart, still bounded (about 40 attempts in 20 s).
            o.MaxAttempts = 40;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(500);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });
        var holder = new GrainState<TestState>(new TestState { Text = "before the outage" });
        await storage.WriteStateAsync(StateName, grainId, holder);
        await first.StopAsync(StopTimeout);
        await first.DisposeAsync();

        holder.State.Text = "written across the outage";
        var write = storage.WriteStateAsync(StateName, grainId, holder);
        await attempts.WaitForAsync(
            "a transient write attempt", seen => seen.Any(a => a is ("write", "transient")), OperationTimeout);
        await using var second = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path, port);
        await write.WaitAsync(OperationTimeout);

        var outcomes = attempts.OutcomesOf("write");
        Assert.Equal("success", outcomes[0]);
        Assert.Contains("transient", outcomes);
        Assert.Equal("success", outcomes[^1]);
        Assert.DoesNotContain("condition_failed", outcomes);
        var read = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal("written across the outage", read.State.Text);
        Assert.Equal(holder.ETag, read.ETag);
    }

    [Fact]
    public async Task Stopping_Azurite_mid_write_surfaces_an_error_and_loses_no_acknowledged_write()
    {
        const int Writers = 4;
        const int AcknowledgedBeforeStop = 40;
        const int MaxWritesPerWriter = 100_000;
        using var data = new TempDirectory();
        var before = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path);
        var storage = TestStorage.Create(before.ConnectionString, configure: o =>
        {
            // A short retry budget, so that the outage surfaces quickly.
            o.MaxAttempts = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });
        await storage.InitializeAsync();

        var acknowledged = new (int Count, string? ETag)[Writers];
        var acknowledgedTotal = 0;
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grainIds = Enumerable.Range(0, Writers).Select(i => GrainId.FromString("outage", $"writer-{i}-{Guid.NewGuid():N}")).ToArray();

        async Task<Exception> WriteUntilFailureAsync(int writer)
        {
            var holder = new GrainState<TestState>(new TestState());
            for (var count = 1; count <= MaxWritesPerWriter; count++)
            {
                holder.State.Count = count;
                try
                {
                    await storage.WriteStateAsync(StateName, grainIds[writer], holder);
                }
                catch (Exception ex) when (ex is GrainStorageException or InconsistentStateException)
                {
                    return ex;
                }

                acknowledged[writer] = (count, holder.ETag);
                if (Interlocked.Increment(ref acknowledgedTotal) == AcknowledgedBeforeStop)
                {
                    enoughAcknowledged.TrySetResult();
                }
            }

            throw new InvalidOperationException($"Writer {writer} made {MaxWritesPerWriter} writes and never saw the outage.");
        }

        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(() => WriteUntilFailureAsync(i))).ToArray();
        await enoughAcknowledged.Task.WaitAsync(OperationTimeout);
        await before.StopAsync(StopTimeout);
        var failures = await Task.WhenAll(writers).WaitAsync(OperationTimeout);
        await before.DisposeAsync();

        // The outage is reported as a storage error, never a silent success or a hang.
        Assert.All(failures, failure => Assert.IsType<GrainStorageException>(failure));

        await using var after = await AzuriteProcess.StartAsync(AzuriteFixture.Executable, data.Path);
        var reopened = TestStorage.Create(after.ConnectionString);
        for (var writer = 0; writer < Writers; writer++)
        {
            var read = new GrainState<TestState>(new TestState());
            await reopened.ReadStateAsync(StateName, grainIds[writer], read);
            var (count, etag) = acknowledged[writer];

            // The last acknowledged write is there, or the failed one after it was applied
            // although its response was lost; nothing acknowledged went missing.
            Assert.True(read.State.Count == count || read.State.Count == count + 1,
                $"writer {writer}: acknowledged up to {count}, stored {read.State.Count}");
            if (read.State.Count == count)
            {
                Assert.Equal(etag, read.ETag);
            }
        }
    }
}
