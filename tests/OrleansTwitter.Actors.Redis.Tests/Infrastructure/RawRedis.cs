using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Tests.Infrastructure;

/// <summary>A plain client, for tests that look at or tamper with the keys behind a provider.</summary>
internal sealed class RawRedis : IDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;

    private RawRedis(ConnectionMultiplexer multiplexer) => _multiplexer = multiplexer;

    public IDatabase Database => _multiplexer.GetDatabase();

    public static async Task<RawRedis> ConnectAsync(RedisServerFixture redis) =>
        new(await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString));

    // Dispose alone waits a whole sync timeout for QUIT to be answered.
    public void Dispose()
    {
        _multiplexer.Close(allowCommandsToComplete: false);
        _multiplexer.Dispose();
    }
}
