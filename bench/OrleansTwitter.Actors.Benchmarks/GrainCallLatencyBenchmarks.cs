using BenchmarkDotNet.Attributes;
using OrleansTwitter.Actors.Benchmarks.Baseline;
using OrleansTwitter.Actors.Benchmarks.Grains;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Benchmarks;

/// <summary>
/// The latency of one awaited call to one activated grain, with nothing else running. Each
/// invocation awaits a run of calls one after another inside an async method, so every call
/// is a real await (the caller resumes as a continuation) and the harness's cost of waiting
/// for the invocation is spread over the run instead of landing on a single call.
/// </summary>
[MemoryDiagnoser]
public class GrainCallLatencyBenchmarks
{
    private const int CallsPerInvoke = 1_000;

    private TestSilo? _silo;
    private ICounterGrain? _grain;
    private readonly LockedCounter _lockedCounter = new();
    private readonly QueuedCounter _queuedCounter = new();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await TestSilo.StartAsync();
        _grain = _silo.GrainFactory.GetGrain<ICounterGrain>(0);

        // Activation is a one-off cost that the measured calls must not include.
        await _grain.IncrementAsync(0);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _lockedCounter.Dispose();
        _queuedCounter.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> SemaphoreObject()
    {
        var last = 0;
        for (var call = 0; call < CallsPerInvoke; call++)
        {
            last = await _lockedCounter.IncrementAsync(1);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> Grain()
    {
        var grain = _grain!;
        var last = 0;
        for (var call = 0; call < CallsPerInvoke; call++)
        {
            last = await grain.IncrementAsync(1);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> QueuedObject()
    {
        var last = 0;
        for (var call = 0; call < CallsPerInvoke; call++)
        {
            last = await _queuedCounter.IncrementAsync(1);
        }

        return last;
    }
}
