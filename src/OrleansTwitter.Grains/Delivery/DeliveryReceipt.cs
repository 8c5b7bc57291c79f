namespace OrleansTwitter.Grains.Delivery;

/// <summary>What one silo's delivery service did with one message.</summary>
/// <param name="Delivered">Followers in memory on that silo that were handed the message.</param>
/// <param name="Skipped">Followers not in memory there: they rebuild from storage when they next activate.</param>
[GenerateSerializer, Immutable, Alias("ot.DeliveryReceipt")]
internal sealed record DeliveryReceipt([property: Id(0)] int Delivered, [property: Id(1)] int Skipped);
