using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Persistence;

public sealed class AzureBlobRetrierTests
{
    private static AzureBlobRetrier Retrier(TimeSpan baseDelay, TimeSpan maxDelay) =>
        new("retrier", new AzureBlobGrainStorageOptions { RetryBaseDelay = baseDelay, RetryMaxDelay = maxDelay }, TimeProvider.System, NullLogger.Instance);

    [Fact]
    public void Back_off_doubles_per_retry_up_to_the_cap_with_equal_jitter()
    {
        var retrier = Retrier(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        (int Attempt, double Ceiling)[] expected = [(1, 100), (2, 200), (3, 400), (4, 800), (5, 1000), (40, 1000)];

        foreach (var (attempt, ceiling) in expected)
        {
            for (var sample = 0; sample < 200; sample++)
            {
                Assert.InRange(retrier.NextDelay(attempt).TotalMilliseconds, ceiling / 2, ceiling);
            }
        }
    }

    [Fact]
    public void Back_off_is_jittered()
    {
        var retrier = Retrier(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        var delays = Enumerable.Range(0, 50).Select(_ => retrier.NextDelay(3)).Distinct().Count();

        Assert.True(delays > 1, "fifty draws gave one delay");
    }

    [Fact]
    public void A_huge_base_delay_is_capped_rather_than_overflowing()
    {
        var retrier = Retrier(TimeSpan.FromDays(100), TimeSpan.FromDays(200));

        Assert.InRange(retrier.NextDelay(60), TimeSpan.FromDays(100), TimeSpan.FromDays(200));
    }

    [Fact]
    public void Each_attempt_has_no_sdk_retries_a_bounded_time_and_a_single_put()
    {
        var options = AzureBlobRetrier.RequestOptions(TimeSpan.FromSeconds(3));

        Assert.IsType<NoRetry>(options.RetryPolicy);
        Assert.Equal(TimeSpan.FromSeconds(3), options.MaximumExecutionTime);
        Assert.Equal(AzureBlobGrainStorageOptions.SinglePutLimitBytes, options.SingleBlobUploadThresholdInBytes);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient)
    {
        var ex = new StorageException(new RequestResult { HttpStatusCode = status }, "failed", inner: null);

        Assert.Equal(transient, AzureBlobErrors.IsTransient(ex));
        Assert.Equal(status is 409 or 412, AzureBlobErrors.IsConditionFailure(ex));
    }

    [Fact]
    public void No_response_is_transient_only_for_network_failures()
    {
        var refused = new StorageException(new RequestResult(), "Connection refused", new HttpRequestException("Connection refused"));
        var bug = new StorageException(new RequestResult(), "bad header", new FormatException("bad header"));

        Assert.True(AzureBlobErrors.IsTransient(refused));
        Assert.False(AzureBlobErrors.IsTransient(bug));
    }

    [Theory]
    [InlineData("\"0x8DCB1\"", true)]
    [InlineData("W/\"0x8DCB1\"", true)]
    [InlineData("1", false)]
    [InlineData("*", false)]
    [InlineData("\"unterminated", false)]
    public void Only_quoted_entity_tags_can_be_blob_etags(string etag, bool isBlobETag)
    {
        Assert.Equal(isBlobETag, AzureBlobErrors.IsBlobETag(etag));
    }
}
