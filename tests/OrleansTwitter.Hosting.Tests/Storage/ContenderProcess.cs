using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// The File-storage contender tool (tests/Tools/OrleansTwitter.FileStorageContender) run as a
/// process: it increments one record many times with ETags, racing the others.
/// </summary>
internal sealed partial class ContenderProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ContenderProcess(ChildProcess process) => _process = process;

    public static ContenderProcess Start(string root, string key, int increments)
    {
        var assembly = typeof(ContenderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ContenderAssemblyPath").Value!;
        return new ContenderProcess(ChildProcess.StartDotnet("the contender", assembly,
            [root, key, increments.ToString(CultureInfo.InvariantCulture), "--wait-for-go"], standardInput: true));
    }

    public Task WaitUntilReadyAsync(TimeSpan timeout) => _process.WaitForLineAsync("'ready'", line => line == "ready", timeout);

    public Task GoAsync() => _process.WriteLineAsync("go");

    /// <summary>Waits for a successful exit and returns how many races the contender lost.</summary>
    public async Task<int> WaitForLostRacesAsync(TimeSpan timeout)
    {
        var exitCode = await _process.WaitForExitAsync(timeout);
        Assert.True(exitCode == 0, $"The contender exited with code {exitCode}. Its output:{Environment.NewLine}{_process.Output}");
        var done = _process.Lines.Select(line => DoneLine().Match(line)).SingleOrDefault(match => match.Success);
        Assert.True(done is not null, $"The contender printed no 'done' line. Its output:{Environment.NewLine}{_process.Output}");
        return int.Parse(done.Groups["lost"].Value, CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex("^done: [0-9]+ increments, (?<lost>[0-9]+) lost races$")]
    private static partial Regex DoneLine();
}
