using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Testing.Processes;

/// <summary>
/// A program a test runs as a real child process (one of ours with <c>dotnet</c>, or a server
/// such as redis-server). Standard output and standard error are captured line by line, apart
/// and interleaved; tests wait for a line, for a condition or for exit with a deadline, and a
/// failure's message carries the last lines. Disposing kills the whole process tree.
/// Compiled into each test project that starts processes (with <c>AllowUnsafeBlocks</c>, for
/// the generated kill(2) marshalling).
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    /// <summary>How many of the last lines a failure's message shows.</summary>
    public const int MessageLines = 100;

    /// <summary>How long disposing waits for the process to die after SIGKILL.</summary>
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly string? _logFolder;
    private readonly List<(bool Error, string Text)> _lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _lock = new();

    private ChildProcess(string name, Process process, string? logFolder)
    {
        Name = name;
        _process = process;
        _logFolder = logFolder;
    }

    /// <summary>What the test calls it in its messages ("silo 2", "web 1", "Azurite").</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines => Snapshot(error: null);

    /// <summary>The lines written to standard output alone.</summary>
    public IReadOnlyList<string> OutputLines => Snapshot(error: false);

    /// <summary>The lines written to standard error alone.</summary>
    public IReadOnlyList<string> ErrorLines => Snapshot(error: true);

    /// <summary>Standard output and standard error, interleaved, as one text.</summary>
    public string Output => string.Join(Environment.NewLine, Lines);

    /// <summary>
    /// Starts <paramref name="assemblyPath"/> with <c>dotnet</c>; it must have been built (the
    /// test project references its project with <c>ReferenceOutputAssembly="false"</c>).
    /// </summary>
    public static ChildProcess StartDotnet(string name, string assemblyPath, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, bool standardInput = false, string? logFolder = null)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"Build the solution first: {assemblyPath} does not exist.", assemblyPath);
        }

        return Start(name, "dotnet", [assemblyPath, .. arguments], workingDirectory, environment, standardInput, logFolder);
    }

    /// <summary>Starts <paramref name="fileName"/> (found on PATH when it has no directory).</summary>
    /// <param name="name">What messages call it.</param>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">Its arguments, each passed as it is.</param>
    /// <param name="workingDirectory">Its working directory; the test process's own when null.</param>
    /// <param name="environment">Variables set for the child on top of the test process's own.</param>
    /// <param name="standardInput">Whether the test writes to its standard input (<see cref="WriteLineAsync"/>).</param>
    /// <param name="logFolder">When set, disposing saves the whole output there, for a failure that needs more than the last lines.</param>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, bool standardInput = false, string? logFolder = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardInput = standardInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, logFolder);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, error: true);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been written.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        WaitForLineAsync($"'{text}'", line => line.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>
    /// Completes when a line (on either stream) that <paramref name="matches"/> has been written;
    /// fails when the process exits first or <paramref name="timeout"/> passes.
    /// <paramref name="description"/> names the line in the message.
    /// </summary>
    public async Task WaitForLineAsync(string description, Func<string, bool> matches, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_lines.Any(line => matches(line.Text)))
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

        if (first == exited)
        {
            throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before writing {description}. {LastLines()}");
        }

        throw new TimeoutException($"{Name} did not write {description} within {timeout}. {LastLines()}");
    }

    /// <summary>
    /// Checks while the process runs until <paramref name="missing"/> returns null (see
    /// <see cref="Eventually.MeetsAsync"/>); fails at once when the process exits, and every
    /// failure carries the last lines. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WaitUntilAsync(string what, TimeSpan timeout, Func<Task<string?>> missing, TimeSpan? poll = null)
    {
        try
        {
            return await Eventually.MeetsAsync(async () =>
            {
                if (HasExited)
                {
                    // Its last lines may still be on their way: exit completes once both streams end.
                    await WaitForExitAsync(KillTimeout);
                    throw new InvalidOperationException($"{Name} exited with code {ExitCode} before {what}. {LastLines()}");
                }

                return await missing();
            }, timeout, $"{Name}: {what}", poll);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{LastLines()}", exception);
        }
    }

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
            throw new TimeoutException($"{Name} did not exit within {timeout}. {LastLines()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGTERM, which .NET's Process API cannot send (Kill sends SIGKILL): a graceful stop.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) to {Name} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>SIGKILL: the process dies at once, writing and telling nothing.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Writes a line to the standard input (the process must have been started with it).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The last <paramref name="lines"/> lines of output (both streams), for a test's log.</summary>
    public string Tail(int lines)
    {
        var all = Lines;
        var skipped = Math.Max(0, all.Count - lines);
        var tail = string.Join(Environment.NewLine, all.Skip(skipped));
        return skipped == 0 ? tail : $"[{skipped} earlier lines left out]{Environment.NewLine}{tail}";
    }

    /// <summary>Kills the process tree if it still runs, and saves the whole output when a log folder was given.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(KillTimeout);
            }

            if (_logFolder is { Length: > 0 })
            {
                Directory.CreateDirectory(_logFolder);
                await File.WriteAllTextAsync(Path.Combine(_logFolder, $"{DateTime.Now:HHmmss}-{Name.Replace(' ', '-')}-{_process.Id}.log"), Output);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private string LastLines() => $"Its last lines:{Environment.NewLine}{Tail(MessageLines)}";

    private string[] Snapshot(bool? error)
    {
        lock (_lock)
        {
            return [.. _lines.Where(line => error is null || line.Error == error).Select(line => line.Text)];
        }
    }

    private void Append(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add((error, line));
            foreach (var waiter in _waiters.Where(w => w.Matches(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
