using System.Globalization;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>Where one provider's queues live in Redis.</summary>
internal sealed class RedisStreamKeys(string clusterId, string providerName)
{
    /// <summary>The consumer group every agent of the cluster reads through.</summary>
    public const string Group = "agents";

    /// <summary>What every key of the provider starts with.</summary>
    public string Prefix { get; } = $"ot:{clusterId}:streams:{providerName}";

    public RedisKey Partition(int partition) => $"{Prefix}:{partition.ToString(CultureInfo.InvariantCulture)}";

    public RedisKey DeadLetters => $"{Prefix}:dead";
}
