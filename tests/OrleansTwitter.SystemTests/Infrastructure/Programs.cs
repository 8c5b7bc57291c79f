using System.Reflection;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// The programs the system tests run as processes: the silo and the web front end, as built with
/// the solution (paths in the assembly metadata).
/// </summary>
/// <remarks>
/// Test output shows only the last lines of each process. With the environment variable
/// <see cref="LogFolderVariable"/> naming a folder, each process also saves its whole output
/// there when disposed, for a failure that needs more.
/// </remarks>
internal static class Programs
{
    public const string LogFolderVariable = "OT_SYSTEM_TESTS_LOGS";

    public static ChildProcess StartSilo(string name, string workingDirectory, params string[] arguments) =>
        StartSilo(name, workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts a silo with more <paramref name="environment"/> variables.</summary>
    public static ChildProcess StartSilo(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        HostProcesses.Start(name, BuiltAssembly("SiloAssemblyPath"), workingDirectory, arguments, environment, LogFolder);

    public static ChildProcess StartWeb(string name, string workingDirectory, params string[] arguments) =>
        HostProcesses.Start(name, BuiltAssembly("WebAssemblyPath"), workingDirectory, arguments, logFolder: LogFolder);

    private static string? LogFolder => Environment.GetEnvironmentVariable(LogFolderVariable);

    private static string BuiltAssembly(string key) => typeof(Programs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
