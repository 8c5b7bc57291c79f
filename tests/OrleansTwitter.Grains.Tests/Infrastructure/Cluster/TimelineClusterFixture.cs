using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Delivery;
using OrleansTwitter.Grains.Tests.Infrastructure.Delivery;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// An in-process Orleans cluster (Orleans.TestingHost) with the timeline domain, shared by the
/// tests of a class or collection, and the helpers those tests use. A cluster takes seconds to
/// start, so tests share one and keep apart by using their own grain keys.
/// </summary>
public abstract class TimelineClusterFixture : IAsyncLifetime
{
    /// <summary>Calls a test makes at once when it makes thousands.</summary>
    public const int BatchSize = 500;

    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not been deployed yet.");

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silos of the cluster, primary first.</summary>
    public IReadOnlyList<SiloHandle> Silos => Cluster.Silos;

    protected abstract short SiloCount { get; }

    public async Task InitializeAsync()
    {
        await StartDependenciesAsync();
        var builder = new TestClusterBuilder(SiloCount);

        // Orleans' own logs would go to a file per silo in the working directory; the tests say what failed.
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TimelineSiloConfigurator>();
        Configure(builder);
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await StopDependenciesAsync();
    }

    public IUserGrain User(string handle) => Grains.GetGrain<IUserGrain>(Handle.Normalize(handle));

    public async Task<IUserGrain> RegisterAsync(string handle)
    {
        var user = User(handle);
        Assert.True(await user.RegisterAsync(handle, null), $"{handle} should register");
        return user;
    }

    public Task<IUserGrain[]> RegisterManyAsync(string prefix, int count) =>
        InBatchesAsync(count, i => RegisterAsync($"{prefix}{i}"));

    /// <summary>
    /// Registers a user whose grain activates on <paramref name="silo"/>: Orleans' placement
    /// directors honour a placement hint in the request context (grain migration uses the same).
    /// </summary>
    public async Task<IUserGrain> RegisterOnAsync(SiloHandle silo, string handle)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            var user = await RegisterAsync(handle);
            Assert.True(RegistryOf(silo).Contains(Handle.ToKey(handle)), $"{handle} should be active on {silo.Name}");
            return user;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>Registers <paramref name="count"/> users, spread evenly over the silos (user i on silo i mod the silo count).</summary>
    public Task<IUserGrain[]> RegisterSpreadAsync(string prefix, int count) =>
        InBatchesAsync(count, i => RegisterOnAsync(Silos[i % Silos.Count], $"{prefix}{i}"));

    /// <summary>
    /// Runs <paramref name="call"/> for 0 to <paramref name="count"/> - 1, <see cref="BatchSize"/> at a
    /// time: thousands of calls at once would queue past Orleans' 30-second response timeout on a
    /// loaded 2-core machine.
    /// </summary>
    public static async Task<T[]> InBatchesAsync<T>(int count, Func<int, Task<T>> call)
    {
        var results = new List<T>(count);
        foreach (var batch in Enumerable.Range(0, count).Chunk(BatchSize))
        {
            results.AddRange(await Task.WhenAll(batch.Select(call)));
        }

        return [.. results];
    }

    /// <inheritdoc cref="InBatchesAsync{T}(int, Func{int, Task{T}})"/>
    public static async Task InBatchesAsync(int count, Func<int, Task> call)
    {
        foreach (var batch in Enumerable.Range(0, count).Chunk(BatchSize))
        {
            await Task.WhenAll(batch.Select(call));
        }
    }

    /// <summary>The newest home-timeline entries' texts, newest first.</summary>
    public static async Task<List<string>> HomeTextsAsync(IUserGrain user, int limit = TimelineLimits.MaxPageSize) =>
        [.. (await user.GetHomeTimelineAsync(limit, null)).Items.Select(t => t.Text)];

    /// <summary>
    /// The texts of <paramref name="tweets"/> in home-timeline order, newest id first. Tweets of
    /// different silos made in one millisecond are ordered by node id, not by when they were
    /// posted, so a test that posts from several users reads the order from the ids.
    /// </summary>
    public static string[] NewestFirst(params Tweet[] tweets) => [.. tweets.OrderByDescending(t => t.Id).Select(t => t.Text)];

    /// <summary>Waits until the user's home timeline reads <paramref name="expected"/> (newest first); fan-out is asynchronous.</summary>
    public static Task WaitForHomeAsync(IUserGrain user, IReadOnlyList<string> expected) =>
        Eventually.WaitAsync(
            async () => (await HomeTextsAsync(user)).SequenceEqual(expected),
            $"the home timeline of {user.GetPrimaryKeyString()} to read [{string.Join(", ", expected)}]");

    internal static IServiceProvider ServicesOf(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    /// <summary>The users in memory on <paramref name="silo"/>, as its delivery service sees them.</summary>
    internal static ActiveTimelines RegistryOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<ActiveTimelines>();

    /// <summary>The delivery messages <paramref name="silo"/> sent and received.</summary>
    internal static DeliveryCounters CountersOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<DeliveryCounters>();

    /// <summary>The deliveries <paramref name="silo"/>'s user grains received, in a cluster whose silos have a <see cref="DeliveryProbe"/>.</summary>
    internal static DeliveryProbe ProbeOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<DeliveryProbe>();

    /// <summary>The cluster's default grain storage, as a silo reaches it (every silo reaches the same store).</summary>
    internal IGrainStorage Storage => ServicesOf(Cluster.Primary!).GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>Reads a grain's persisted state as storage holds it (System.Text.Json), or null when there is none.</summary>
    public async Task<JsonElement?> ReadRawStateAsync(string grainType, string key, string stateName)
    {
        var state = new GrainState<JsonElement>(default);
        await Storage.ReadStateAsync(stateName, GrainId.Create(grainType, key), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>Writes a grain's state straight into storage, as a crash would have left it; the grain must not be active.</summary>
    public async Task WriteStateAsync<TState>(string grainType, string key, string stateName, TState value)
    {
        var id = GrainId.Create(grainType, key);
        Assert.False(IsActive(id), $"{id} must not be active while its state is written behind its back");
        await Storage.WriteStateAsync(stateName, id, new GrainState<TState>(value));
    }

    /// <summary>True when some silo holds an activation of <paramref name="grain"/>.</summary>
    public bool IsActive(GrainId grain) => Cluster.TryGetGrainContext(grain, out _);

    /// <summary>Deactivates the grains (each as its silo would when it is idle) and waits until they are gone.</summary>
    public async Task DeactivateAsync(params IAddressable[] grains)
    {
        foreach (var grain in grains)
        {
            await Cluster.DeactivateAsync(grain);
        }
    }

    /// <summary>
    /// Collects every idle activation of the cluster (<see cref="IManagementGrain.ForceActivationCollection(TimeSpan)"/>),
    /// as idle collection would after the collection age, until none of <paramref name="mustBeGone"/> is active.
    /// </summary>
    public Task CollectIdleAsync(params GrainId[] mustBeGone) =>
        Eventually.WaitAsync(
            async () =>
            {
                await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
                return !mustBeGone.Any(IsActive);
            },
            $"idle collection to deactivate {string.Join(", ", mustBeGone)}");

    /// <summary>Adds to the cluster's configuration (properties, silo configurators) before it is built.</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    /// <summary>Starts what the silos need before they start (a storage emulator).</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    /// <summary>Stops it, after the silos.</summary>
    protected virtual Task StopDependenciesAsync() => Task.CompletedTask;
}
