using System.Diagnostics.Metrics;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>
/// The runtime's metrics, on the meter <c>OrleansTwitter.Actors</c>. Instruments cost a
/// flag check when nothing listens, so they are recorded unconditionally on the hot path.
/// </summary>
public static class ActorsInstruments
{
    public const string MeterName = "OrleansTwitter.Actors";

    public static readonly Meter Meter = new(MeterName, "1.0.0");

    /// <summary>Activations currently in memory.</summary>
    public static readonly UpDownCounter<long> Activations =
        Meter.CreateUpDownCounter<long>("orleanstwitter.actors.activations", "{activation}", "Activations currently in memory.");

    /// <summary>Activations created since start.</summary>
    public static readonly Counter<long> ActivationsCreated =
        Meter.CreateCounter<long>("orleanstwitter.actors.activations.created", "{activation}", "Activations created.");

    /// <summary>Activations whose activation failed.</summary>
    public static readonly Counter<long> ActivationFailures =
        Meter.CreateCounter<long>("orleanstwitter.actors.activations.failed", "{activation}", "Activations whose OnActivateAsync or state load failed.");

    /// <summary>Requests delivered to activations.</summary>
    public static readonly Counter<long> MessagesReceived =
        Meter.CreateCounter<long>("orleanstwitter.actors.messages.received", "{message}", "Requests delivered to activations.");

    /// <summary>End-to-end call latency as the caller sees it.</summary>
    public static readonly Histogram<double> CallDuration =
        Meter.CreateHistogram<double>("orleanstwitter.actors.call.duration", "ms", "Grain call latency seen by the caller.");

    /// <summary>Calls that failed with a response timeout.</summary>
    public static readonly Counter<long> CallTimeouts =
        Meter.CreateCounter<long>("orleanstwitter.actors.call.timeouts", "{call}", "Calls that hit the response timeout.");

    /// <summary>Targets per multicast (fan-out width).</summary>
    public static readonly Histogram<int> MulticastTargets =
        Meter.CreateHistogram<int>("orleanstwitter.actors.multicast.targets", "{grain}", "Targets of one multicast.");

    /// <summary>Messages forwarded to another silo because this one no longer owns the grain.</summary>
    public static readonly Counter<long> Forwards =
        Meter.CreateCounter<long>("orleanstwitter.actors.messages.forwarded", "{message}", "Messages forwarded to another silo.");
}
