namespace OrleansTwitter.Grains.Delivery;

/// <summary>What one fan-out did across the cluster.</summary>
/// <param name="Messages">Delivery messages sent: one per live silo.</param>
/// <param name="Delivered">Followers in memory that were handed the message.</param>
/// <param name="Skipped">Followers not in memory on any silo reached.</param>
/// <param name="LeftSilos">Silos that failed the message and have since left the cluster; their followers are gone from memory with them.</param>
internal sealed record FanoutResult(int Messages, int Delivered, int Skipped, int LeftSilos);
