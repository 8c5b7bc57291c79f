namespace OrleansTwitter.Actors.Activation;

/// <summary>When idle activations are collected, and how long deactivation may take.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation with no request for this long is deactivated.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; an idle activation lives at most this much past its age.</summary>
    /// <value>1 minute.</value>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long deactivation waits for running requests to finish before it goes ahead
    /// anyway, and how long <c>OnDeactivateAsync</c> may run before its cancellation token
    /// fires. It bounds a graceful shutdown even when a request never completes.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a silo waits for all activations to deactivate when it stops (a backstop above <see cref="DeactivationTimeout"/>).</summary>
    /// <value>25 seconds, inside the generic host's default 30 s shutdown timeout.</value>
    public TimeSpan ShutdownDeactivationTimeout { get; set; } = TimeSpan.FromSeconds(25);

    internal IEnumerable<string> Validate()
    {
        if (CollectionAge <= TimeSpan.Zero)
        {
            yield return $"{nameof(CollectionAge)} must be positive; it is {CollectionAge}.";
        }

        if (CollectionQuantum <= TimeSpan.Zero)
        {
            yield return $"{nameof(CollectionQuantum)} must be positive; it is {CollectionQuantum}.";
        }

        if (DeactivationTimeout <= TimeSpan.Zero)
        {
            yield return $"{nameof(DeactivationTimeout)} must be positive; it is {DeactivationTimeout}.";
        }

        if (ShutdownDeactivationTimeout <= TimeSpan.Zero)
        {
            yield return $"{nameof(ShutdownDeactivationTimeout)} must be positive; it is {ShutdownDeactivationTimeout}.";
        }
    }
}
