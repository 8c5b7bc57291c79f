namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Workers that each repeat one step as fast as it completes until stopped. A step returns
/// null when it succeeded and a description when it did not; the first failure or exception
/// stops that worker, so every failure is reported, and once.
/// </summary>
internal sealed class SteadyLoad : IDisposable
{
    private readonly int[] _completed;
    private readonly List<string> _failures = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    /// <param name="workers">How many workers run at once.</param>
    /// <param name="step">Runs step number n (from 1) of worker w: <c>step(w, n)</c>.</param>
    public SteadyLoad(int workers, Func<int, int, Task<string?>> step)
    {
        _completed = new int[workers];
        _workers = [.. Enumerable.Range(0, workers).Select(w => Task.Run(() => RunAsync(w, step)))];
    }

    /// <summary>How many steps each worker has completed so far.</summary>
    public int[] Completed => [.. _completed.Select((_, w) => Volatile.Read(ref _completed[w]))];

    /// <summary>Stops the workers after their current step and returns the failures.</summary>
    public async Task<IReadOnlyList<string>> StopAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(timeout);
        lock (_failures)
        {
            return [.. _failures];
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task RunAsync(int worker, Func<int, int, Task<string?>> step)
    {
        while (!_stop.IsCancellationRequested)
        {
            string? failure;
            try
            {
                failure = await step(worker, _completed[worker] + 1);
            }
            catch (Exception exception)
            {
                failure = $"worker {worker}: {exception.GetType().Name}: {exception.Message}";
            }

            if (failure is not null)
            {
                lock (_failures)
                {
                    _failures.Add(failure);
                }

                return;
            }

            Volatile.Write(ref _completed[worker], _completed[worker] + 1);
        }
    }
}
