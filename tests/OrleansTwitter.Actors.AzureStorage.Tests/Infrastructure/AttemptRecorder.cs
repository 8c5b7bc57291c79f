using System.Diagnostics.Metrics;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;

/// <summary>
/// Records the attempts one provider (by name) reports on its metrics: what the provider
/// really sent, as an operator would see it, without reaching into its code.
/// </summary>
internal sealed class AttemptRecorder : IDisposable
{
    private readonly string _storageName;
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<(string Operation, string Outcome)> _attempts = [];
    private readonly List<(Func<IReadOnlyList<(string Operation, string Outcome)>, bool> Condition, TaskCompletionSource Met)> _waiters = [];

    public AttemptRecorder(string storageName)
    {
        _storageName = storageName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AzureBlobGrainStorageInstruments.MeterName && instrument.Name == AzureBlobGrainStorageInstruments.AttemptsName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public IReadOnlyList<(string Operation, string Outcome)> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public IReadOnlyList<string> OutcomesOf(string operation) => [.. Attempts.Where(a => a.Operation == operation).Select(a => a.Outcome)];

    /// <summary>Completes when the attempts recorded so far satisfy <paramref name="condition"/>.</summary>
    public async Task WaitForAsync(string what, Func<IReadOnlyList<(string Operation, string Outcome)>, bool> condition, TimeSpan timeout)
    {
        TaskCompletionSource met;
        lock (_lock)
        {
            if (condition(_attempts))
            {
                return;
            }

            met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, met));
        }

        try
        {
            await met.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout} for {what}; attempts so far: {string.Join(", ", Attempts)}.");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? storage = null, operation = null, outcome = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "storage":
                    storage = tag.Value as string;
                    break;
                case "operation":
                    operation = tag.Value as string;
                    break;
                case "outcome":
                    outcome = tag.Value as string;
                    break;
                default:
                    break;
            }
        }

        if (storage != _storageName || operation is null || outcome is null)
        {
            return;
        }

        lock (_lock)
        {
            _attempts.Add((operation, outcome));
            foreach (var waiter in _waiters.Where(w => w.Condition(_attempts)).ToList())
            {
                waiter.Met.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
