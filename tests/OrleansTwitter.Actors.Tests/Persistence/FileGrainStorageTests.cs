using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Persistence;

public sealed class FileGrainStorageTests : GrainStorageContractTests, IDisposable
{
    private const string StorageName = "files";
    private const string StateName = "profile";
    private static readonly TimeSpan ShortLockTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GenerousBound = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _root = new();
    private readonly List<ServiceProvider> _providers = [];

    protected override IGrainStorage CreateStorage() => CreateFileStorage();

    [Fact]
    public async Task Record_is_a_versioned_json_file_at_the_documented_path()
    {
        var storage = CreateFileStorage();
        var grainId = GrainId.FromString("user", $"alice-{Guid.NewGuid():N}");
        var holder = Holder("hi");

        await storage.WriteStateAsync(StateName, grainId, holder);

        var path = Path.Combine(_root.Path, StateName, "user", grainId.Key + ".json");
        Assert.Equal(path, storage.GetRecordPath(StateName, grainId));
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var root = document.RootElement;
        Assert.Equal(holder.ETag, root.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(grainId.ToString(), root.GetProperty("grainId").GetString());
        Assert.Equal(StateName, root.GetProperty("stateName").GetString());
        Assert.Equal("hi", root.GetProperty("state").GetProperty("text").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task A_new_provider_over_the_same_folder_reads_what_the_old_one_wrote()
    {
        var grainId = GrainId.FromString("user", $"restart-{Guid.NewGuid():N}");
        var holder = Holder("durable");
        await CreateFileStorage().WriteStateAsync(StateName, grainId, holder);
        holder.State.Text = "durable, second version";
        await CreateFileStorage().WriteStateAsync(StateName, grainId, holder);

        using var restarted = BuildServices(options => options.RootPath = _root.Path);
        var read = await ReadAsync(restarted.GetRequiredKeyedService<IGrainStorage>(StorageName), grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(holder.ETag, read.ETag);
        Assert.Equal("durable, second version", read.State.Text);
    }

    [Fact]
    public async Task Two_providers_over_one_folder_racing_have_exactly_one_winner_per_round()
    {
        // Separate instances open separate lock-file handles, as two processes would.
        await RaceAsync(CreateFileStorage(), CreateFileStorage(), GrainId.FromString("user", $"two-silos-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task State_names_and_grain_types_that_look_like_paths_stay_inside_the_root()
    {
        var storage = CreateFileStorage();
        var grainId = GrainId.FromString("../../type", "../../key");

        await storage.WriteStateAsync("../state", grainId, Holder("contained"));

        var path = storage.GetRecordPath("../state", grainId);
        Assert.StartsWith(_root.Path + Path.DirectorySeparatorChar, Path.GetFullPath(path), StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.Equal("contained", (await ReadAsync(storage, grainId, "../state")).State.Text);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"state":{"text":"no version"}}""")]
    [InlineData("""{"version":"1","state":{}}""")]
    [InlineData("""{"version":1}""")]
    public async Task A_corrupt_file_fails_with_its_path_and_is_never_read_as_empty(string content)
    {
        var storage = CreateFileStorage();
        var grainId = GrainId.FromString("user", $"corrupt-{Guid.NewGuid():N}");
        var path = storage.GetRecordPath(StateName, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);

        var read = await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync(storage, grainId));
        var write = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteStateAsync(StateName, grainId, Holder("overwrite")));
        var clear = await Assert.ThrowsAsync<GrainStorageException>(() => storage.ClearStateAsync(StateName, grainId, Holder()));

        Assert.Contains(path, read.Message, StringComparison.Ordinal);
        Assert.Contains(path, write.Message, StringComparison.Ordinal);
        Assert.Contains(path, clear.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task State_that_does_not_fit_the_state_type_fails_the_read_naming_the_path()
    {
        var storage = CreateFileStorage();
        var grainId = GrainId.FromString("user", $"mismatch-{Guid.NewGuid():N}");
        var path = storage.GetRecordPath(StateName, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, """{"version":3,"state":"a string, not a TestState"}""");

        var ex = await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync(storage, grainId));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TestState), ex.Message, StringComparison.Ordinal);
        Assert.Contains(grainId.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_is_reported_as_corrupt()
    {
        var storage = CreateFileStorage();
        var grainId = GrainId.FromString("user", $"garbage-{Guid.NewGuid():N}");
        var path = storage.GetRecordPath(StateName, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes("\u0000\u0001garbage"));

        var ex = await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync(storage, grainId));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_held_longer_than_the_timeout_fails_naming_the_lock_file()
    {
        var storage = CreateFileStorage(options => options.LockTimeout = ShortLockTimeout);
        var grainId = GrainId.FromString("user", $"locked-{Guid.NewGuid():N}");
        var holder = Holder("v1");
        await storage.WriteStateAsync(StateName, grainId, holder);
        var lockPath = storage.GetLockPath(StateName, grainId);

        var stopwatch = Stopwatch.StartNew();
        GrainStorageException ex;
        using (OpenExclusively(lockPath))
        {
            holder.State.Text = "blocked";
            ex = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteStateAsync(StateName, grainId, holder));
        }

        stopwatch.Stop();
        Assert.Contains(lockPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("200 ms", ex.Message, StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, ShortLockTimeout - TimeSpan.FromMilliseconds(20), GenerousBound);

        // Nothing was stored, and once the lock is free the same write goes through.
        Assert.Equal("v1", (await ReadAsync(storage, grainId)).State.Text);
        await storage.WriteStateAsync(StateName, grainId, holder);
        Assert.Equal("blocked", (await ReadAsync(storage, grainId)).State.Text);
    }

    [Fact]
    public async Task A_lock_released_before_the_timeout_lets_the_waiting_write_succeed()
    {
        // The time provider reports the writer's first back-off, which proves it found the lock
        // held; releasing it then must let the write through well within the timeout.
        var time = new BackoffSignallingTimeProvider();
        var storage = CreateFileStorage(options => options.LockTimeout = GenerousBound, time);
        var grainId = GrainId.FromString("user", $"released-{Guid.NewGuid():N}");
        var lockPath = storage.GetLockPath(StateName, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);

        Task write;
        using (OpenExclusively(lockPath))
        {
            write = storage.WriteStateAsync(StateName, grainId, Holder("waited"));
            await time.FirstBackoff.WaitAsync(GenerousBound);
            Assert.False(write.IsCompleted, "the write finished while another handle held its lock");
        }

        await write.WaitAsync(GenerousBound);
        Assert.Equal("waited", (await ReadAsync(storage, grainId)).State.Text);
    }

    [Fact]
    public void Options_have_the_documented_defaults()
    {
        var options = new FileGrainStorageOptions();

        Assert.Equal("./data", options.RootPath);
        Assert.Equal(TimeSpan.FromSeconds(10), options.LockTimeout);
    }

    [Theory]
    [InlineData("", 1000, "RootPath")]
    [InlineData("  ", 1000, "RootPath")]
    [InlineData("ok", 0, "LockTimeout")]
    [InlineData("ok", -5, "LockTimeout")]
    public void Invalid_options_fail_with_a_message_naming_the_option(string rootPath, int lockTimeoutMs, string option)
    {
        using var services = BuildServices(options =>
        {
            options.RootPath = rootPath;
            options.LockTimeout = TimeSpan.FromMilliseconds(lockTimeoutMs);
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>(StorageName));

        Assert.Contains($"FileGrainStorageOptions.{option}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{StorageName}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_name_gets_its_own_provider_and_options()
    {
        var other = Path.Combine(_root.Path, "other");
        using var services = new ServiceCollection()
            .AddFileGrainStorage("a", options => options.RootPath = _root.Path)
            .AddFileGrainStorage("b", options => options.RootPath = other)
            .BuildServiceProvider();

        var a = Assert.IsType<FileGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("a"));
        var b = Assert.IsType<FileGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("b"));

        Assert.Equal(_root.Path, a.RootPath);
        Assert.Equal(other, b.RootPath);
        Assert.Same(a, services.GetRequiredKeyedService<IGrainStorage>("a"));
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _root.Dispose();
    }

    private static FileStream OpenExclusively(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static ServiceProvider BuildServices(Action<FileGrainStorageOptions> configure, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services.AddFileGrainStorage(StorageName, configure).BuildServiceProvider();
    }

    /// <summary>A fresh provider instance (its own service provider) over this test's folder.</summary>
    private FileGrainStorage CreateFileStorage(Action<FileGrainStorageOptions>? configure = null, TimeProvider? time = null)
    {
        var services = BuildServices(
            options =>
            {
                options.RootPath = _root.Path;
                configure?.Invoke(options);
            },
            time);
        _providers.Add(services);
        return Assert.IsType<FileGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(StorageName));
    }
}
