using OrleansTwitter.Actors.Activation;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// Base class of grain implementations. The runtime creates a grain on its first call, loads
/// its persistent state, then calls <see cref="OnActivateAsync"/>. Requests run one turn at a
/// time on the activation's own scheduler, so grain code needs no locks.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly IGrainLifecycleContext _context;

    /// <summary>Only the runtime constructs grains; <c>new</c> outside it throws.</summary>
    protected Grain()
    {
        _context = GrainConstructionScope.Current ?? throw new InvalidOperationException(
            $"{GetType().Name} is a grain: the runtime creates it on its first call. " +
            "Get a reference with IGrainFactory.GetGrain instead of constructing it.");
    }

    public GrainId GrainId => _context.GrainId;

    /// <summary>The runtime's activation behind this grain.</summary>
    internal GrainActivation? Activation => _context as GrainActivation;

    protected IGrainFactory GrainFactory => _context.GrainFactory;

    protected IServiceProvider ServiceProvider => _context.ActivationServices;

    /// <summary>Runs after state is loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation goes away. Not guaranteed to run if the process dies.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as the current request completes.</summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least <paramref name="duration"/>.</summary>
    protected void DelayDeactivation(TimeSpan duration) => _context.DelayDeactivation(duration);

    /// <summary>Registers a timer whose ticks run as turns of this activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        return _context.RegisterGrainTimer(callback, options);
    }

    /// <summary>Registers a non-interleaving timer.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
}
