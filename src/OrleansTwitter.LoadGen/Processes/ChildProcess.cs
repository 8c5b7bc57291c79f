using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// A process this tool started (a silo, redis-server, redis-benchmark). Its output is captured
/// line by line so the tool can wait for a line with a deadline; whatever happens, it is killed
/// when disposed, and on exit of this process too, so a benchmark never leaves servers behind.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private static readonly ConcurrentDictionary<int, Process> s_running = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private StreamWriter? _log;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _log = OpenLog(name);
    }

    /// <summary>
    /// The environment variable naming a directory that gets every line of every child's output,
    /// one file per child: the in-memory tail is enough for start-up errors, not for diagnosing a
    /// benchmark or failure run after the fact.
    /// </summary>
    public const string LogDirectoryVariable = "LOADGEN_CHILD_LOGS";

    public string Name { get; }

    public Process Process => _process;

    /// <summary>The last lines written (stdout and stderr interleaved), for error messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public Task<int> Exited => _exited.Task;

    public static ChildProcess Start(string name, ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Exited += (_, _) => child.OnExited();
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: '{start.FileName}' did not start.");
        }

        s_running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when a line that <paramref name="matches"/> accepts has been written; fails early if the process exits.</summary>
    public async Task WaitForLineAsync(string what, Func<string, bool> matches, TimeSpan timeout, CancellationToken cancellationToken)
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

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var first = await Task.WhenAny(seen.Task, _exited.Task, Task.Delay(Timeout.Infinite, deadline.Token));
        if (first == seen.Task)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var why = _exited.Task.IsCompleted ? $"exited with code {_exited.Task.Result}" : $"did not write it within {timeout}";
        throw new InvalidOperationException($"{Name} was to write {what} but {why}. Its last output:{Environment.NewLine}{Output}");
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // It exited between the check and the kill, or the kernel is slow to reap it: either
            // way there is nothing more this process can do about it.
        }
        finally
        {
            s_running.TryRemove(_process.Id, out _);
            _process.Dispose();
            lock (_lock)
            {
                _log?.Dispose();
                _log = null;
            }
        }
    }

    private static void KillAll()
    {
        foreach (var process in s_running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private void OnExited()
    {
        // The exit code is read once the process has fully exited; the event guarantees that.
        _exited.TrySetResult(_process.ExitCode);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _log?.WriteLine(line);
            _output.Enqueue(line);
            while (_output.Count > KeptLines && _output.TryDequeue(out _))
            {
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Matches(line))
                {
                    _waiters[i].Seen.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static StreamWriter? OpenLog(string name)
    {
        var directory = Environment.GetEnvironmentVariable(LogDirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{DateTime.UtcNow:HHmmss}-{string.Concat(name.Split(Path.GetInvalidFileNameChars()))}.log");
        return new StreamWriter(file, append: true) { AutoFlush = true };
    }
}
