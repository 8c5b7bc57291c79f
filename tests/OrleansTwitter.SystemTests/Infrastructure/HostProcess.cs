using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// One of our programs (a silo, the web front end, a tool) run as a real process with
/// <c>dotnet</c>. Its output is captured (standard error also on its own), tests wait for a line
/// or for exit with a deadline whose message includes the output, and disposing kills it.
/// </summary>
/// <remarks>
/// Test output shows only the last lines of each process. With the environment variable
/// <see cref="LogFolderVariable"/> naming a folder, disposing also saves each process's whole
/// output there, for a failure that needs more.
/// </remarks>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string LogFolderVariable = "OT_SYSTEM_TESTS_LOGS";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _lock = new();

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>What the test calls it in its messages ("silo 2", "web 1").</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The lines written to standard error alone.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _errors];

    public static string SiloAssemblyPath => BuiltAssembly("SiloAssemblyPath");

    public static string WebAssemblyPath => BuiltAssembly("WebAssemblyPath");

    private static string BuiltAssembly(string key) => typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    public static HostProcess Start(string name, string assemblyPath, string workingDirectory, params string[] arguments) =>
        Start(name, assemblyPath, workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts <paramref name="assemblyPath"/> with <c>dotnet</c>, with more <paramref name="environment"/> variables.</summary>
    public static HostProcess Start(string name, string assemblyPath, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
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
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Logs as plain single lines on standard output, so the waits below can match them and
        // standard error holds only what the program itself writes there.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "None";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data, error: true);
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

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first == seen.Task)
        {
            return;
        }

        throw new TimeoutException(first == exited
            ? $"{Name} exited with code {_process.ExitCode} before writing {description}. Its output:{Environment.NewLine}{Output}"
            : $"{Name} did not write {description} within {timeout}. Its output so far:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGTERM: a graceful stop.</summary>
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
            throw new TimeoutException($"{Name} did not exit within {timeout}. Its output so far:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="lines"/> lines of output, for a test's log.</summary>
    public string Tail(int lines)
    {
        var all = _output.ToArray();
        var skipped = Math.Max(0, all.Length - lines);
        var tail = string.Join(Environment.NewLine, all.Skip(skipped));
        return skipped == 0 ? tail : $"[{skipped} earlier lines left out]{Environment.NewLine}{tail}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        if (Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{DateTime.Now:HHmmss}-{Name.Replace(' ', '-')}-{_process.Id}.log"), Output);
        }

        _process.Dispose();
    }

    private void Append(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.Enqueue(line);
            if (error)
            {
                _errors.Enqueue(line);
            }

            foreach (var waiter in _waiters.Where(w => w.Matches(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
