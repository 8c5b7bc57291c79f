using OrleansTwitter.Actors.Redis;
using OrleansTwitter.Actors.Redis.Streams;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// With a durable stream provider a post is acknowledged only once its fan-out is queued. Here
/// the queue is unreachable, so posts must fail rather than be acknowledged and lost. (Delivery
/// through a real Redis is tested in the Redis and system tests.)
/// </summary>
public sealed class DurablePostingTests
{
    [Fact]
    public async Task A_post_whose_fan_out_cannot_be_queued_fails_and_so_does_its_retry()
    {
        await using var silo = await TestSilo.StartAsync(builder =>
        {
            builder.AddTimeline();
            builder.AddRedisStreams(StreamProviderNames.Default, o =>
            {
                o.ConnectionString = $"127.0.0.1:{FreeTcpPort.Next()}";
                o.ConnectTimeout = TimeSpan.FromMilliseconds(300);
                o.OperationTimeout = TimeSpan.FromMilliseconds(300);
            });
        });
        var author = silo.GrainFactory.GetGrain<IUserGrain>("author");
        Assert.True(await author.RegisterAsync("author", null));

        var first = await Assert.ThrowsAsync<RedisProviderException>(() => author.PostAsync("hello", "key-1"));
        var retry = await Assert.ThrowsAsync<RedisProviderException>(() => author.PostAsync("hello", "key-1"));

        Assert.Contains("publish to queue", first.Message, StringComparison.Ordinal);
        Assert.Contains("publish to queue", retry.Message, StringComparison.Ordinal);
    }
}
