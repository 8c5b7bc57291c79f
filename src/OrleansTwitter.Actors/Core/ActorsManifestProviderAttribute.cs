namespace OrleansTwitter.Actors.Core;

/// <summary>
/// Emitted by the source generator into every assembly that declares grain interfaces or
/// grain classes. The runtime reads it once per assembly at start-up (never on the call path)
/// to find the generated proxies, requests and grain factories.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ActorsManifestProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type with a public parameterless constructor that implements <see cref="IActorsManifestProvider"/>.</summary>
    public Type ProviderType { get; } = providerType;
}

/// <summary>Implemented by generated code: adds an assembly's grain metadata to the manifest.</summary>
public interface IActorsManifestProvider
{
    void Populate(ActorsManifestBuilder manifest);
}
