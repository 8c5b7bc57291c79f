using System.Reflection;

namespace OrleansTwitter.LoadGen.Chaos.Rig;

/// <summary>A build of the silo and the web front end: the program files a scenario runs as processes.</summary>
/// <param name="Name">What the scenario's events call it.</param>
/// <param name="SiloAssembly">The silo's <c>OrleansTwitter.Silo.dll</c>.</param>
/// <param name="WebAssembly">The web front end's <c>OrleansTwitter.Web.dll</c>.</param>
internal sealed record HostBuild(string Name, string SiloAssembly, string WebAssembly)
{
    /// <summary>The silo and web front end built with this load generator, in the same configuration.</summary>
    public static HostBuild Current { get; } = new("build 1", Metadata("SiloAssemblyPath"), Metadata("WebAssemblyPath"));

    /// <summary>
    /// The same sources built with <c>OrleansTwitterContractsV2=true</c> (Chaos.targets): a
    /// contract record gained a field with a new <c>[Id]</c>, as a real upgrade adds one.
    /// </summary>
    public static HostBuild ContractsV2 => new("build 2 (contracts with a new field)", Metadata("ContractsV2SiloAssemblyPath"), Metadata("ContractsV2WebAssemblyPath"));

    private static string Metadata(string key) => typeof(HostBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .SingleOrDefault(a => a.Key == key)?.Value ?? throw new InvalidOperationException($"The load generator was built without the '{key}' metadata (Chaos/Chaos.targets).");
}
