using System.Reflection;

namespace OrleansTwitter.Deployment.Tests.Infrastructure;

/// <summary>The repository's files under test, and the programs as built with the solution (paths in the assembly metadata).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The silo's dll, the one the system tests run (tests/Shared/HostAssemblies.props).</summary>
    public static string SiloAssembly { get; } = Metadata("SiloAssemblyPath");

    /// <summary>The web front end's dll, the one the system tests run.</summary>
    public static string WebAssembly { get; } = Metadata("WebAssemblyPath");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string Metadata(string key) => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
