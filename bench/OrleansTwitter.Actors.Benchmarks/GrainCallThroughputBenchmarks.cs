using BenchmarkDotNet.Attributes;
using OrleansTwitter.Actors.Benchmarks.Baseline;
using OrleansTwitter.Actors.Benchmarks.Grains;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Benchmarks;

/// <summary>
/// Calls per second across many grains: one caller per grain, all concurrent, each making
/// its calls one after another. Every row does the same calls on its own kind of target.
/// </summary>
[MemoryDiagnoser]
public class GrainCallThroughputBenchmarks
{
    private const int Targets = 1_000;
    private const int CallsPerTarget = 100;
    private const int TotalCalls = Targets * CallsPerTarget;

    private TestSilo? _silo;
    private ICounterGrain[] _grains = [];
    private LockedCounter[] _lockedCounters = [];
    private QueuedCounter[] _queuedCounters = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await TestSilo.StartAsync();
        _grains = [.. Enumerable.Range(0, Targets).Select(i => _silo.GrainFactory.GetGrain<ICounterGrain>(i))];
        _lockedCounters = [.. Enumerable.Range(0, Targets).Select(_ => new LockedCounter())];
        _queuedCounters = [.. Enumerable.Range(0, Targets).Select(_ => new QueuedCounter())];

        // Activation is a one-off cost that the measured calls must not include.
        await Task.WhenAll(_grains.Select(g => g.IncrementAsync(0)));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        foreach (var counter in _lockedCounters)
        {
            counter.Dispose();
        }

        foreach (var counter in _queuedCounters)
        {
            counter.Dispose();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalCalls)]
    public Task SemaphoreObjects()
    {
        var callers = new Task[Targets];
        for (var i = 0; i < Targets; i++)
        {
            callers[i] = CallAsync(_lockedCounters[i]);
        }

        return Task.WhenAll(callers);

        static async Task CallAsync(LockedCounter counter)
        {
            for (var call = 0; call < CallsPerTarget; call++)
            {
                await counter.IncrementAsync(1);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public Task Grains()
    {
        var callers = new Task[Targets];
        for (var i = 0; i < Targets; i++)
        {
            callers[i] = CallAsync(_grains[i]);
        }

        return Task.WhenAll(callers);

        static async Task CallAsync(ICounterGrain grain)
        {
            for (var call = 0; call < CallsPerTarget; call++)
            {
                await grain.IncrementAsync(1);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public Task QueuedObjects()
    {
        var callers = new Task[Targets];
        for (var i = 0; i < Targets; i++)
        {
            callers[i] = CallAsync(_queuedCounters[i]);
        }

        return Task.WhenAll(callers);

        static async Task CallAsync(QueuedCounter counter)
        {
            for (var call = 0; call < CallsPerTarget; call++)
            {
                await counter.IncrementAsync(1);
            }
        }
    }
}
