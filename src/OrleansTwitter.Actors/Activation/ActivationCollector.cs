using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// Deactivates activations idle for <see cref="GrainCollectionOptions.CollectionAge"/>,
/// checking every <see cref="GrainCollectionOptions.CollectionQuantum"/> on the silo's
/// <see cref="TimeProvider"/> (so tests drive it with a manual clock).
/// </summary>
internal sealed class ActivationCollector : IDisposable
{
    private readonly Catalog _catalog;
    private readonly ActivationEnvironment _environment;
    private ITimer? _timer;

    public ActivationCollector(Catalog catalog, ActivationEnvironment environment)
    {
        _catalog = catalog;
        _environment = environment;
    }

    public void Start()
    {
        var quantum = _environment.CollectionOptions.CollectionQuantum;
        _timer = _environment.TimeProvider.CreateTimer(static state => ((ActivationCollector)state!).CollectNow(), this, quantum, quantum);
    }

    public int CollectNow()
    {
        var age = _environment.CollectionOptions.CollectionAge;
        var collected = _catalog.CollectIdle(age);
        if (collected > 0)
        {
            ActivationLog.IdleCollected(_environment.Logger, collected, age);
        }

        return collected;
    }

    public void Dispose() => _timer?.Dispose();
}
