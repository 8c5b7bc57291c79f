using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>An activation context that records which states and services a grain factory asks for.</summary>
internal sealed class RecordingActivationContext(GrainId grainId, IReadOnlyDictionary<Type, object> services) : IGrainActivationContext, IServiceProvider
{
    public List<(Type StateType, string StateName, string? StorageName)> StatesRequested { get; } = [];

    public List<Type> ServicesRequested { get; } = [];

    public GrainId GrainId { get; } = grainId;

    public IServiceProvider ActivationServices => this;

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new()
    {
        StatesRequested.Add((typeof(TState), stateName, storageName));
        return new InMemoryState<TState>();
    }

    public object? GetService(Type serviceType)
    {
        ServicesRequested.Add(serviceType);
        return services.GetValueOrDefault(serviceType);
    }

    private sealed class InMemoryState<TState> : IPersistentState<TState>
        where TState : new()
    {
        public TState State { get; set; } = new();

        public string? Etag => null;

        public bool RecordExists => false;

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task WriteStateAsync() => Task.CompletedTask;

        public Task ClearStateAsync() => Task.CompletedTask;
    }
}
