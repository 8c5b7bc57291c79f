using OrleansTwitter.Hosting.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using static OrleansTwitter.Hosting.Tests.Storage.FileStorages;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// A record's lock file held by another handle (another silo, in this process or another)
/// makes a write wait, on the provider's <see cref="TimeProvider"/>, for at most LockTimeout.
/// </summary>
public sealed class FileGrainStorageLockTests : IDisposable
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);

    // Fake time moves in steps as long as the lock's longest back-off (50 ms), so each step
    // fires the waiting writer's timer and lets it retry once; real time only bounds the test.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RealBound = TimeSpan.FromSeconds(30);

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_write_fails_after_the_lock_timeout_naming_the_lock_file_and_succeeds_once_the_lock_is_free()
    {
        var time = new BackoffSignallingTimeProvider();
        var storage = Create(_root.Path, time, LockTimeout);
        var grainId = NewGrainId("locked");
        var holder = Holder("v1");
        await storage.WriteStateAsync(StateName, grainId, holder);
        var lockPath = FileGrainStoragePaths.LockPath(RecordPath(storage, grainId));

        IOException failure;
        TimeSpan waited;
        using (OpenExclusively(lockPath))
        {
            holder.State!.Text = "blocked";
            var started = time.GetUtcNow();
            var write = storage.WriteStateAsync(StateName, grainId, holder);
            await AdvanceUntilDoneAsync(time, write, LockTimeout * 2);
            waited = time.GetUtcNow() - started;
            failure = await Assert.ThrowsAsync<IOException>(() => write);
        }

        Assert.InRange(waited, LockTimeout, LockTimeout + Step);
        Assert.Contains(lockPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("lock timeout", failure.Message, StringComparison.Ordinal);

        // Nothing was written; with the lock free the same write goes through at once.
        Assert.Equal("v1", (await ReadAsync(storage, grainId)).State!.Text);
        await storage.WriteStateAsync(StateName, grainId, holder);
        Assert.Equal("blocked", (await ReadAsync(storage, grainId)).State!.Text);
    }

    [Fact]
    public async Task A_lock_released_before_the_timeout_lets_the_waiting_write_through()
    {
        var time = new BackoffSignallingTimeProvider();
        var storage = Create(_root.Path, time, LockTimeout);
        var grainId = NewGrainId("released");
        var lockPath = FileGrainStoragePaths.LockPath(RecordPath(storage, grainId));
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var started = time.GetUtcNow();

        Task write;
        using (OpenExclusively(lockPath))
        {
            write = storage.WriteStateAsync(StateName, grainId, Holder("waited"));
            await AdvanceUntilDoneAsync(time, write, LockTimeout / 2);
            Assert.False(write.IsCompleted, "the write finished while another handle held its lock");
        }

        await AdvanceUntilDoneAsync(time, write, LockTimeout);
        await write;
        Assert.True(time.GetUtcNow() - started < LockTimeout, "the write waited out the whole lock timeout");
        Assert.Equal("waited", (await ReadAsync(storage, grainId)).State!.Text);
    }

    // The provider opens its lock file this way; a second such handle is what another writer holds.
    private static FileStream OpenExclusively(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// Advances fake time one step per back-off of the writer until <paramref name="task"/>
    /// completes or <paramref name="limit"/> of fake time has passed.
    /// </summary>
    private static async Task AdvanceUntilDoneAsync(BackoffSignallingTimeProvider time, Task task, TimeSpan limit)
    {
        for (var advanced = TimeSpan.Zero; advanced < limit && !task.IsCompleted; advanced += Step)
        {
            // The writer is backing off (its timer is armed) before time moves.
            Assert.True(
                await time.NextBackoffOrCompletionAsync(task, RealBound),
                $"Waited {RealBound} for the write to back off from the held lock or finish.");
            time.Advance(Step);
        }
    }
}
