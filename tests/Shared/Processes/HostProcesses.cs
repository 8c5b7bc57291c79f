using System.Net;

namespace OrleansTwitter.Testing.Processes;

/// <summary>One of our hosts (a silo, the web front end), built with the solution, run as a child process the way the tests run it.</summary>
internal static class HostProcesses
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Starts <paramref name="assemblyPath"/> with <c>dotnet</c> in Production, its logs as plain
    /// single lines on standard output (so a wait can match them, and standard error holds only
    /// what the program itself writes there); <paramref name="environment"/> adds or overrides variables.
    /// </summary>
    public static ChildProcess Start(string name, string assemblyPath, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? logFolder = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__LogToStandardErrorThreshold"] = "None",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            variables[variable] = value;
        }

        return ChildProcess.StartDotnet(name, assemblyPath, arguments, workingDirectory, variables, logFolder: logFolder);
    }

    /// <summary>Polls <c>/health/ready</c> at <paramref name="baseAddress"/> until it answers 200, for at most <paramref name="timeout"/>; fails at once when the process exits.</summary>
    public static async Task WaitUntilReadyAsync(ChildProcess process, Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilAsync($"{baseAddress}health/ready answers 200", timeout, async () =>
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (the HTTP port opens once the host has started), or slow to answer while starting.
                return exception.Message;
            }
        }, ReadyPoll);
    }
}
