using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// The File-storage contender tool (tests/Tools/OrleansTwitter.FileStorageContender) run as a
/// process: it increments one record many times with ETags, racing the others.
/// </summary>
internal sealed partial class ContenderProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ContenderProcess(Process process) => _process = process;

    private string Output => string.Join(Environment.NewLine, _output);

    public static ContenderProcess Start(string root, string key, int increments)
    {
        var assembly = typeof(ContenderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ContenderAssemblyPath").Value!;
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"Build the test project first: {assembly} does not exist.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { assembly, root, key, increments.ToString(CultureInfo.InvariantCulture), "--wait-for-go" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var contender = new ContenderProcess(process);
        process.OutputDataReceived += (_, e) => contender.Append(e.Data);
        process.ErrorDataReceived += (_, e) => contender.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return contender;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The contender did not print 'ready' within {timeout}. Its output:{Environment.NewLine}{Output}");
        }
    }

    public async Task GoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for a successful exit and returns how many races the contender lost.</summary>
    public async Task<int> WaitForLostRacesAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The contender did not finish within {timeout}. Its output:{Environment.NewLine}{Output}");
        }

        Assert.True(_process.ExitCode == 0, $"The contender exited with code {_process.ExitCode}. Its output:{Environment.NewLine}{Output}");
        var done = _output.Select(line => DoneLine().Match(line)).SingleOrDefault(match => match.Success);
        Assert.True(done is not null, $"The contender printed no 'done' line. Its output:{Environment.NewLine}{Output}");
        return int.Parse(done.Groups["lost"].Value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line == "ready")
        {
            _ready.TrySetResult();
        }
    }

    [GeneratedRegex("^done: [0-9]+ increments, (?<lost>[0-9]+) lost races$")]
    private static partial Regex DoneLine();
}
