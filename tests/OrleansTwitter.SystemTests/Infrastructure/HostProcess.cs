using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// One of our hosts (a silo, later the web front end) run as a real process. Output is
/// captured, and tests wait for a line or for exit with a deadline that reports the output.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _lock = new();

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join(Environment.NewLine, _output);

    public static string SiloAssemblyPath => BuiltAssembly("SiloAssemblyPath");

    public static string ContenderAssemblyPath => BuiltAssembly("ContenderAssemblyPath");

    private static string BuiltAssembly(string key) => typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    public static HostProcess Start(string assemblyPath, string workingDirectory, params string[] arguments) =>
        Start(assemblyPath, workingDirectory, new Dictionary<string, string>(), arguments);

    public static HostProcess Start(string assemblyPath, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"Build the solution first: {assemblyPath} does not exist.", assemblyPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(assemblyPath);
        // By file name, not by SiloAssemblyPath: projects that link this file without the silo's
        // build metadata (the browser tests) start other hosts with it.
        if (Path.GetFileName(assemblyPath) == "OrleansTwitter.Silo.dll")
        {
            // Free ports by default, so silos started by parallel tests never collide on the
            // contract's defaults (11111, 30000); a test's own value comes later and wins.
            start.ArgumentList.Add($"--Silo:Port={FreeTcpPort.Next()}");
            start.ArgumentList.Add($"--Silo:GatewayPort={FreeTcpPort.Next()}");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Logs as plain lines, so the waits below can match them.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been written.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        WaitForOutputAsync($"'{text}'", line => line.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Completes when a line that <paramref name="matches"/> has been written; <paramref name="description"/> names it in the timeout's message.</summary>
    public async Task WaitForOutputAsync(string description, Func<string, bool> matches, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_output.Any(matches))
            {
                return;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((matches, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The process did not write {description} within {timeout}. Output so far:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>
    /// Completes once the silo has logged a membership view of exactly <paramref name="count"/>
    /// active silos (listed as <c>host:port@generation</c>, comma-separated).
    /// </summary>
    public Task WaitForActiveSilosAsync(int count, TimeSpan timeout) =>
        WaitForOutputAsync($"a membership view with {count} active silos", line => ActiveSilosIn(line) == count, timeout);

    /// <summary>How many active silos a "Membership view" line lists, or -1 for any other line.</summary>
    public static int ActiveSilosIn(string line)
    {
        const string Marker = "active silos ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? -1 : line[(at + Marker.Length)..].Count(c => c == '@');
    }

    public void Terminate() => PosixSignals.Terminate(_process.Id);

    /// <summary>SIGKILL: the process dies at once, writing and telling nothing.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for exit and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process did not exit within {timeout}. Output so far:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
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

        lock (_lock)
        {
            _output.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Matches(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
