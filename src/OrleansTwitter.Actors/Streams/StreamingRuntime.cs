using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Streams;

/// <summary>What stream providers need of the silo.</summary>
internal sealed class StreamingRuntime(IGrainFactory grainFactory, IGrainCallInvoker invoker, ActorsManifest manifest)
{
    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IGrainCallInvoker Invoker { get; } = invoker;

    public ActorsManifest Manifest { get; } = manifest;
}
