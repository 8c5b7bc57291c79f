namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// A silo-wide service that runs while the silo is active, such as a stream provider's pulling
/// agents. Register it as a singleton of this interface; the silo calls it in order.
/// </summary>
internal interface ISiloLifecycleParticipant
{
    /// <summary>The silo has joined and serves grains: start working. <paramref name="silo"/> tells ownership.</summary>
    Task OnSiloStartedAsync(Silo silo, CancellationToken cancellationToken);

    /// <summary>A graceful stop begins, before activations deactivate: finish what is in hand and stop.</summary>
    Task OnSiloStoppingAsync(CancellationToken cancellationToken);

    /// <summary>The silo dies as a crashed process would: stop at once and write nothing more anywhere.</summary>
    void OnSiloKilled();
}
