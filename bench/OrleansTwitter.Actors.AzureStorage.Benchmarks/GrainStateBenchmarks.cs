using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage.Benchmarks;

/// <summary>
/// State reads and writes per second through <c>AzureBlob</c> against a local Azurite (persisting
/// to disk), next to <c>File</c> on the same disk, in one run. Sequential calls measure one
/// activation's latency; parallel calls on distinct grains measure what a silo gets from the store.
/// </summary>
public class GrainStateBenchmarks
{
    private const int SequentialCalls = 50;
    private const int ParallelGrains = 16;
    private const int CallsPerGrain = 10;
    private const string StateName = "profile";

    private readonly GrainId _readGrain = GrainId.FromString("bench", "reader");
    private readonly GrainId[] _parallelGrains = [.. Enumerable.Range(0, ParallelGrains).Select(i => GrainId.FromString("bench", $"parallel-{i}"))];
    private readonly GrainState<ProfileState> _writer = new(ProfileState.Sample());
    private GrainState<ProfileState>[] _parallelWriters = [];
    private string _dataPath = string.Empty;
    private AzuriteProcess? _azurite;
    private IGrainStorage _storage = null!;

    [Params("File", "AzureBlob")]
    public string Provider { get; set; } = "File";

    // Synchronous wrappers: the in-process toolchain does not await a Task-returning setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _dataPath = Directory.CreateTempSubdirectory("ot-storage-bench-").FullName;
        if (Provider == "AzureBlob")
        {
            var executable = AzuriteProcess.ExecutableFor(typeof(GrainStateBenchmarks).Assembly);
            _azurite = await AzuriteProcess.StartAsync(executable, Path.Combine(_dataPath, "azurite"));
            var blob = new AzureBlobGrainStorage(
                "bench", new AzureBlobGrainStorageOptions { ConnectionString = _azurite.ConnectionString }, TimeProvider.System, NullLogger<AzureBlobGrainStorage>.Instance);
            await blob.InitializeAsync();
            _storage = blob;
        }
        else
        {
            _storage = new FileGrainStorage(
                "bench", new FileGrainStorageOptions { RootPath = Path.Combine(_dataPath, "file") }, TimeProvider.System, NullLogger<FileGrainStorage>.Instance);
        }

        await _storage.WriteStateAsync(StateName, _readGrain, new GrainState<ProfileState>(ProfileState.Sample()));
        await _storage.WriteStateAsync(StateName, GrainId.FromString("bench", "writer"), _writer);
        _parallelWriters = [.. _parallelGrains.Select(_ => new GrainState<ProfileState>(ProfileState.Sample()))];
        for (var i = 0; i < ParallelGrains; i++)
        {
            await _storage.WriteStateAsync(StateName, _parallelGrains[i], _parallelWriters[i]);
        }
    }

    private async Task CleanupAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = SequentialCalls)]
    public async Task ReadSequential()
    {
        var holder = new GrainState<ProfileState>(new ProfileState());
        for (var i = 0; i < SequentialCalls; i++)
        {
            await _storage.ReadStateAsync(StateName, _readGrain, holder);
        }
    }

    [Benchmark(OperationsPerInvoke = SequentialCalls)]
    public async Task WriteSequential()
    {
        var grainId = GrainId.FromString("bench", "writer");
        for (var i = 0; i < SequentialCalls; i++)
        {
            _writer.State.Version++;
            await _storage.WriteStateAsync(StateName, grainId, _writer);
        }
    }

    [Benchmark(OperationsPerInvoke = ParallelGrains * CallsPerGrain)]
    public Task ReadParallel() => Task.WhenAll(_parallelGrains.Select(async grainId =>
    {
        var holder = new GrainState<ProfileState>(new ProfileState());
        for (var i = 0; i < CallsPerGrain; i++)
        {
            await _storage.ReadStateAsync(StateName, grainId, holder);
        }
    }));

    [Benchmark(OperationsPerInvoke = ParallelGrains * CallsPerGrain)]
    public Task WriteParallel() => Task.WhenAll(_parallelGrains.Select(async (grainId, index) =>
    {
        var holder = _parallelWriters[index];
        for (var i = 0; i < CallsPerGrain; i++)
        {
            holder.State.Version++;
            await _storage.WriteStateAsync(StateName, grainId, holder);
        }
    }));
}
