namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Workers that each repeat one step, with a pause between steps, until stopped. A step records
/// its requests (and their failures) in a <see cref="RequestLog"/> itself; an exception that
/// escapes a step is recorded there as a failure too, and the worker goes on, so that a load
/// lives through a fault and shows when it recovered.
/// </summary>
internal sealed class LoadRunner : IAsyncDisposable
{
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly int[] _steps;
    private readonly Task[] _workers;

    /// <param name="log">Where requests are recorded.</param>
    /// <param name="workers">How many workers run at once.</param>
    /// <param name="pause">The pause after each step, so the load stays steady rather than saturating two cores.</param>
    /// <param name="step">Runs step number n (from 1) of worker w: <c>step(w, n)</c>.</param>
    public LoadRunner(RequestLog log, int workers, TimeSpan pause, Func<int, int, Task> step)
    {
        _log = log;
        _steps = new int[workers];
        _workers = [.. Enumerable.Range(0, workers).Select(w => Task.Run(() => RunAsync(w, pause, step)))];
    }

    /// <summary>How many steps each worker has finished so far.</summary>
    public int[] Steps => [.. _steps.Select((_, w) => Volatile.Read(ref _steps[w]))];

    /// <summary>Stops the workers after their current step; a step still running after <paramref name="timeout"/> fails the stop.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        // The workers end within a request timeout; a test that failed before stopping them must not leave them running.
        await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(60));
        _stop.Dispose();
    }

    private async Task RunAsync(int worker, TimeSpan pause, Func<int, int, Task> step)
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = _log.Now;
            try
            {
                await step(worker, _steps[worker] + 1);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _log.Add(new RequestRecord($"worker {worker} step", started, _log.Now - started, $"{exception.GetType().Name}: {exception.Message}"));
            }

            Volatile.Write(ref _steps[worker], _steps[worker] + 1);
            try
            {
                await Task.Delay(pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
