namespace OrleansTwitter.Actors.Core;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    None,

    /// <summary>The grain called <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>It was idle for longer than the collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>Another silo owns the grain now (a membership change).</summary>
    PlacementChanged,

    /// <summary>A state write lost its ETag condition: this activation's view is stale.</summary>
    InconsistentState,

    /// <summary>Activation failed.</summary>
    ActivationFailed,
}

/// <summary>The reason passed to <c>OnDeactivateAsync</c>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
