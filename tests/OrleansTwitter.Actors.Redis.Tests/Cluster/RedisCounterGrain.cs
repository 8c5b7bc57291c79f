using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Redis.Tests.Cluster;

public interface IRedisCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}

public sealed class RedisCounter
{
    public int Value { get; set; }
}

public sealed class RedisCounterGrain([PersistentState("count")] IPersistentState<RedisCounter> count) : Grain, IRedisCounterGrain
{
    public async Task<int> IncrementAsync()
    {
        count.State.Value++;
        await count.WriteStateAsync();
        return count.State.Value;
    }
}
