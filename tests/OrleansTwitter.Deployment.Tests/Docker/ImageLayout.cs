using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// The image's /app folder laid out on this machine: docker/entrypoint.sh beside <c>silo/</c>
/// and <c>web/</c>, which link to the builds the system tests run. Starting a role runs the
/// entrypoint as the container would, minus the container.
/// </summary>
internal sealed class ImageLayout : IDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ot-image-");

    public ImageLayout()
    {
        var entrypoint = Path.Combine(_root.FullName, "entrypoint.sh");
        // File.Copy keeps the executable bit on Unix, as the Dockerfile's COPY --chmod=0755 sets it.
        File.Copy(Repository.PathOf("docker/entrypoint.sh"), entrypoint);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "silo"), Path.GetDirectoryName(Repository.SiloAssembly)!);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "web"), Path.GetDirectoryName(Repository.WebAssembly)!);
        Entrypoint = entrypoint;
    }

    public string Entrypoint { get; }

    /// <summary>
    /// A container's environment: its own temporary folder (where the entrypoint records the
    /// role for the health check) and the plain single-line logs the tests' waits read.
    /// </summary>
    public Dictionary<string, string> Container(string name, IReadOnlyDictionary<string, string> settings)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(_root.FullName, "tmp-" + name.Replace(' ', '-'))).FullName;
        var environment = new Dictionary<string, string>
        {
            ["TMPDIR"] = tmp,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__LogToStandardErrorThreshold"] = "None",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Runs <c>entrypoint.sh role</c> (the container's main process) with <paramref name="environment"/>.</summary>
    public ChildProcess Start(string role, string name, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.Start(name, Entrypoint, [role, .. arguments], _root.FullName, environment);

    /// <summary>Runs the HEALTHCHECK command (<c>entrypoint.sh health</c>) in a container's environment; its exit code.</summary>
    public async Task<(int ExitCode, string Output)> HealthAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var check = ChildProcess.Start("health check", Entrypoint, ["health"], _root.FullName, environment);
        var exitCode = await check.WaitForExitAsync(HealthTimeout);
        return (exitCode, check.Output);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
