using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Activation;

/// <summary>What a <see cref="Grain"/> asks of the activation that hosts it.</summary>
internal interface IGrainLifecycleContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ActivationServices { get; }

    void DeactivateOnIdle();

    void DelayDeactivation(TimeSpan duration);

    IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);
}

/// <summary>
/// Hands the activation being constructed to the <see cref="Grain"/> constructor. It is
/// thread-static because the runtime constructs the grain synchronously on the current thread.
/// </summary>
internal static class GrainConstructionScope
{
    [ThreadStatic]
    private static IGrainLifecycleContext? t_current;

    public static IGrainLifecycleContext? Current => t_current;

    public static T Construct<T>(IGrainLifecycleContext context, Func<T> create)
    {
        var previous = t_current;
        t_current = context;
        try
        {
            return create();
        }
        finally
        {
            t_current = previous;
        }
    }
}
