using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>
/// This silo's count of fan-out messages, sent by its fan-out grains and received by its
/// delivery service. Kept per silo (one instance in each silo's services) so that a test of
/// an in-process cluster reads each silo apart; also recorded as metrics.
/// </summary>
internal sealed class DeliveryCounters
{
    private long _sent;
    private long _received;

    /// <summary>Delivery messages this silo sent, one per destination silo per post or announcement.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Delivery messages this silo's delivery service received.</summary>
    public long Received => Interlocked.Read(ref _received);

    public void OnSent(int messages)
    {
        Interlocked.Add(ref _sent, messages);
        TimelineInstruments.DeliveryMessagesSent.Add(messages);
    }

    public void OnReceived()
    {
        Interlocked.Increment(ref _received);
        TimelineInstruments.DeliveryMessagesReceived.Add(1);
    }
}
