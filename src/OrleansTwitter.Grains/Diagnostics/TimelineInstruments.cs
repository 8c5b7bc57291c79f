using System.Diagnostics.Metrics;

namespace OrleansTwitter.Grains.Diagnostics;

/// <summary>
/// The timeline domain's metrics, on the meter <c>OrleansTwitter.Timeline</c>. Instruments
/// cost a flag check when nothing listens, so the hot paths record unconditionally.
/// </summary>
public static class TimelineInstruments
{
    public const string MeterName = "OrleansTwitter.Timeline";

    public static readonly Meter Meter = new(MeterName, "1.0.0");

    /// <summary>Tweets stored by posts.</summary>
    public static readonly Counter<long> TweetsPosted =
        Meter.CreateCounter<long>("orleanstwitter.timeline.tweets.posted", "{tweet}", "Tweets posted.");

    /// <summary>Tweets pushed into an active follower's home timeline (duplicates not counted).</summary>
    public static readonly Counter<long> Deliveries =
        Meter.CreateCounter<long>("orleanstwitter.timeline.deliveries", "{delivery}", "Tweets delivered into home timelines by fan-out.");

    /// <summary>Fan-out targets skipped because they were not in memory.</summary>
    public static readonly Counter<long> DeliveriesSkipped =
        Meter.CreateCounter<long>("orleanstwitter.timeline.deliveries.skipped", "{delivery}", "Fan-out targets skipped because they were not active.");

    /// <summary>Fan-out messages sent to silos' delivery services: one per live silo per post or celebrity announcement.</summary>
    public static readonly Counter<long> DeliveryMessagesSent =
        Meter.CreateCounter<long>("orleanstwitter.timeline.delivery.messages.sent", "{message}", "Fan-out messages sent, one per live silo per post.");

    /// <summary>Fan-out messages received by this silo's delivery service.</summary>
    public static readonly Counter<long> DeliveryMessagesReceived =
        Meter.CreateCounter<long>("orleanstwitter.timeline.delivery.messages.received", "{message}", "Fan-out messages received by this silo's delivery service.");

    /// <summary>Time from a tweet's creation to its arrival in a follower's home timeline.</summary>
    public static readonly Histogram<double> DeliveryLag =
        Meter.CreateHistogram<double>("orleanstwitter.timeline.delivery.lag", "ms", "Post to visible in a follower's home timeline.");

    /// <summary>Time to serve one home-timeline page inside the user grain.</summary>
    public static readonly Histogram<double> ReadDuration =
        Meter.CreateHistogram<double>("orleanstwitter.timeline.read.duration", "ms", "Home-timeline read latency inside the grain.");

    /// <summary>Home timelines rebuilt by pulling after activation.</summary>
    public static readonly Counter<long> Rebuilds =
        Meter.CreateCounter<long>("orleanstwitter.timeline.rebuilds", "{rebuild}", "Home timelines rebuilt by pulling after activation.");
}
