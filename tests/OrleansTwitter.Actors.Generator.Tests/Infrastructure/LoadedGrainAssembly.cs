using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>
/// A generated grain assembly loaded into a collectible context. Runtime types resolve from
/// the default context, so the test and the loaded code share GrainRequest, GrainReference
/// and the descriptors.
/// </summary>
internal sealed class LoadedGrainAssembly : IDisposable
{
    private static readonly BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    private readonly AssemblyLoadContext _context;

    public LoadedGrainAssembly(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        image.Position = 0;
        _context = new AssemblyLoadContext($"generated-grains-{Guid.NewGuid():N}", isCollectible: true);
        Assembly = _context.LoadFromStream(image);
    }

    public Assembly Assembly { get; }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Finds the provider the way the runtime does: through the assembly attribute.</summary>
    public (IReadOnlyList<GrainInterfaceDescriptor> Interfaces, IReadOnlyList<GrainClassDescriptor> Classes) PopulateManifest()
    {
        var attribute = Assert.Single(Assembly.GetCustomAttributes<ActorsManifestProviderAttribute>());
        var provider = (IActorsManifestProvider)Activator.CreateInstance(attribute.ProviderType)!;
        var manifest = new ActorsManifestBuilder();
        provider.Populate(manifest);

        // The builder's lists are internal to the runtime; reading them by reflection is for
        // this test only.
        var interfaces = (IReadOnlyList<GrainInterfaceDescriptor>)typeof(ActorsManifestBuilder).GetProperty("Interfaces", Internal)!.GetValue(manifest)!;
        var classes = (IReadOnlyList<GrainClassDescriptor>)typeof(ActorsManifestBuilder).GetProperty("GrainClasses", Internal)!.GetValue(manifest)!;
        return (interfaces, classes);
    }

    public void Dispose() => _context.Unload();
}
