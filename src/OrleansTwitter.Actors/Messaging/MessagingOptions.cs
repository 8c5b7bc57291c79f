namespace OrleansTwitter.Actors.Messaging;

/// <summary>Call behaviour shared by silos and clients.</summary>
public sealed class MessagingOptions
{
    /// <summary>How long a caller waits for a response before the call fails with a <see cref="TimeoutException"/>.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often pending calls are checked against their deadline. The scan also refreshes the
    /// clock that calls read their start time from, so a deadline is set one period late to
    /// never fire early, and a timeout fires at most two periods late. Null picks a twentieth
    /// of <see cref="ResponseTimeout"/>, between 10 ms and 500 ms: at most 10% late.
    /// </summary>
    /// <value>null.</value>
    public TimeSpan? ResponseTimeoutScanPeriod { get; set; }

    internal TimeSpan EffectiveScanPeriod =>
        ResponseTimeoutScanPeriod ?? TimeSpan.FromTicks(Math.Clamp(ResponseTimeout.Ticks / 20, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromMilliseconds(500).Ticks));
}
