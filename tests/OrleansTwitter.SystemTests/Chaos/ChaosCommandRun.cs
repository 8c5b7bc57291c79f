using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OrleansTwitter.Testing.Processes;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Chaos;

/// <summary>
/// Runs the load generator's <c>chaos &lt;scenario&gt;</c> command, as a user runs it, and reads
/// the figures it writes with <c>--json</c>. The command's whole output goes to the test's output.
/// </summary>
internal static class ChaosCommandRun
{
    /// <summary>Set-up, load, audit and clean-up of the longest scenario on a busy 2-core machine, with margin.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(6);

    public static async Task<JsonElement> RunAsync(string scenario, ITestOutputHelper output)
    {
        var folder = Directory.CreateTempSubdirectory("ot-chaos-test-").FullName;
        var json = Path.Combine(folder, "figures.json");
        try
        {
            // NO_COLOR: the console tables in the test's output without terminal colour codes.
            await using var process = ChildProcess.StartDotnet($"chaos {scenario}", LoadGenAssembly, ["chaos", scenario, "--json", json], folder,
                new Dictionary<string, string> { ["NO_COLOR"] = "1" });
            int exitCode;
            try
            {
                exitCode = await process.WaitForExitAsync(RunTimeout);
            }
            finally
            {
                output.WriteLine(process.Output);
            }

            // 0: every bar met; 1: a bar missed, which the test's own assertions then name. Anything else is a crash.
            Assert.True(exitCode is 0 or 1 && File.Exists(json), $"chaos {scenario} exited with code {exitCode.ToString(CultureInfo.InvariantCulture)} and {(File.Exists(json) ? "its" : "no")} figures file");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            return document.RootElement.EnumerateArray().Single().Clone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadGenAssembly => typeof(ChaosCommandRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LoadGenAssemblyPath").Value!;
}
