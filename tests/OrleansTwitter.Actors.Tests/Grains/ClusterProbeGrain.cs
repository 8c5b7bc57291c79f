using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Grains;

public interface IClusterProbeGrain : IGrainWithStringKey
{
    /// <summary>Adds one to a persisted counter and returns it.</summary>
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>The address of the silo running this activation.</summary>
    Task<string> WhereAsync();

    Task EchoAsync(NotSerializable value);

    /// <summary>Answers the silo it ran on once <see cref="ClusterProbeGrain.Open"/> opens <paramref name="gate"/> (at most 30 s).</summary>
    Task<string> WaitForGateAsync(string gate);
}

/// <summary>Carries a delegate, which System.Text.Json refuses: only a call that crosses processes notices.</summary>
public sealed record NotSerializable(Func<int> Compute);

public sealed class CounterState
{
    public int Value { get; set; }
}

/// <summary>
/// Counts, across every silo of the in-process cluster (statics are shared), how many
/// activations of each key are alive at once: more than one is a single-activation violation.
/// </summary>
public sealed class ClusterProbeGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IClusterProbeGrain
{
    private static readonly ConcurrentDictionary<string, int> s_live = new();
    private static readonly ConcurrentDictionary<string, int> s_maxLive = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_gates = new();

    /// <summary>Lets every call waiting at <paramref name="gate"/>, and every later one, through.</summary>
    public static void Open(string gate) => Gate(gate).TrySetResult();

    private static TaskCompletionSource Gate(string gate) =>
        s_gates.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static int MaxLiveActivations(string key) => s_maxLive.GetValueOrDefault(key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var live = s_live.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        s_maxLive.AddOrUpdate(this.GetPrimaryKeyString(), live, (_, max) => Math.Max(max, live));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        s_live.AddOrUpdate(this.GetPrimaryKeyString(), 0, (_, n) => n - 1);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<string> WhereAsync() =>
        Task.FromResult(ServiceProvider.GetRequiredService<Silo>().Address?.ToString() ?? "local");

    public Task EchoAsync(NotSerializable value) => Task.CompletedTask;

    public async Task<string> WaitForGateAsync(string gate)
    {
        await Gate(gate).Task.WaitAsync(TimeSpan.FromSeconds(30));
        return await WhereAsync();
    }
}
