using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Tests.Infrastructure;

/// <summary>A silo with the timeline domain, Memory storage and Memory streams, and helpers for its tests.</summary>
internal sealed class TimelineSilo : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Idle collection settings of silos on a manual clock.</summary>
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromMinutes(1);

    private TimelineSilo(TestSilo silo, ManualTimeProvider? clock)
    {
        Silo = silo;
        Clock = clock;
    }

    public TestSilo Silo { get; }

    /// <summary>The silo's clock when the test asked for a manual one.</summary>
    public ManualTimeProvider? Clock { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public IGrainStorage Storage => Silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

    public static async Task<TimelineSilo> StartAsync(Action<TimelineOptions>? configure = null, ManualTimeProvider? clock = null)
    {
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddTimeline(configure);
                builder.AddMemoryStreams();
                builder.Services.Configure<GrainCollectionOptions>(o =>
                {
                    o.CollectionAge = CollectionAge;
                    o.CollectionQuantum = CollectionQuantum;
                });
            },
            clock);
        return new TimelineSilo(silo, clock);
    }

    public IUserGrain User(string handle) => Grains.GetGrain<IUserGrain>(Handle.Normalize(handle));

    public async Task<IUserGrain> RegisterAsync(string handle)
    {
        var user = User(handle);
        Assert.True(await user.RegisterAsync(handle, null), $"{handle} should register");
        return user;
    }

    public async Task<IUserGrain[]> RegisterManyAsync(string prefix, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => RegisterAsync($"{prefix}{i}")));

    /// <summary>The newest home-timeline entries' texts, newest first.</summary>
    public static async Task<List<string>> HomeTextsAsync(IUserGrain user, int limit = TimelineLimits.MaxPageSize) =>
        [.. (await user.GetHomeTimelineAsync(limit, null)).Items.Select(t => t.Text)];

    /// <summary>Reads a grain's persisted state as raw JSON, as storage holds it (null when none).</summary>
    public async Task<JsonElement?> ReadRawStateAsync(string grainType, string key, string stateName)
    {
        var state = new GrainState<JsonElement>(default);
        await Storage.ReadStateAsync(stateName, GrainId.FromString(grainType, key), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>Writes a grain's state straight into storage, as a crash would have left it; the grain must not be active.</summary>
    public Task WriteStateAsync<TState>(string grainType, string key, string stateName, TState value) =>
        Storage.WriteStateAsync(stateName, GrainId.FromString(grainType, key), new GrainState<TState>(value));

    /// <summary>Moves the manual clock past the collection age and waits until every idle activation is gone.</summary>
    public async Task CollectIdleAsync()
    {
        var clock = Clock ?? throw new InvalidOperationException("Idle collection in tests needs a silo on a manual clock.");
        clock.Advance(CollectionAge + CollectionQuantum + CollectionQuantum);
        await Eventually.WaitAsync(() => Silo.Silo.ActivationCount == 0, Wait, "every idle activation to be collected");
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
