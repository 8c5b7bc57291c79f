using Azure;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// With a durable stream provider a post is acknowledged only once its fan-out is queued. Here the
/// queue service is unreachable, so a post must fail rather than be acknowledged and lost, and so
/// must its retry with the same idempotency key. (Delivery through a real queue service is in
/// <see cref="Delivery.SiloKillDuringFanoutTests"/>.)
/// </summary>
public sealed class DurablePostingTests(UnreachableQueueClusterFixture cluster) : IClassFixture<UnreachableQueueClusterFixture>
{
    [Fact]
    public async Task A_post_whose_fan_out_cannot_be_queued_fails_and_so_does_its_retry()
    {
        var author = await cluster.RegisterAsync("dpAuthor");

        var first = await Assert.ThrowsAnyAsync<Exception>(() => author.PostAsync("hello", "key-1"));
        var retry = await Assert.ThrowsAnyAsync<Exception>(() => author.PostAsync("hello", "key-1"));

        Assert.True(IsQueueFailure(first), $"the post should fail for the queue service: {first}");
        Assert.True(IsQueueFailure(retry), $"its retry should fail for the queue service: {retry}");
    }

    // The Azure SDK's failure to reach the queue service, as Orleans' queue adapter passes it on (wrapped).
    private static bool IsQueueFailure(Exception? exception) => exception switch
    {
        null => false,
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsQueueFailure),
        _ => IsQueueFailure(exception.InnerException),
    };
}
