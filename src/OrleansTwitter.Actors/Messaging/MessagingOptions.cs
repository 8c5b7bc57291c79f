namespace OrleansTwitter.Actors.Messaging;

/// <summary>Call behaviour shared by silos and clients.</summary>
public sealed class MessagingOptions
{
    /// <summary>How long a caller waits for a response before the call fails with a <see cref="TimeoutException"/>.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often pending calls are checked against their deadline. Null picks a tenth of
    /// <see cref="ResponseTimeout"/>, between 10 ms and 1 s, so a timeout fires at most 10% late.
    /// </summary>
    /// <value>null.</value>
    public TimeSpan? ResponseTimeoutScanPeriod { get; set; }

    internal TimeSpan EffectiveScanPeriod =>
        ResponseTimeoutScanPeriod ?? TimeSpan.FromTicks(Math.Clamp(ResponseTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
}
