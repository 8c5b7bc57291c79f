using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Options;

public sealed class AzureBlobGrainStorageOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var options = new AzureBlobGrainStorageOptions();

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("grains", options.ContainerName);
        Assert.Equal(4, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.StartupTimeout);
        Assert.Equal(4 * 1024 * 1024, options.MaxStateBytes);
        Assert.Empty(AzureBlobGrainStorageOptionsValidator.GetFailures("Default", options));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2018-03-28&sig=abc")]
    public void Development_and_full_connection_strings_are_accepted(string connectionString)
    {
        var options = new AzureBlobGrainStorageOptions { ConnectionString = connectionString };

        Assert.Empty(AzureBlobGrainStorageOptionsValidator.GetFailures("Default", options));
    }

    [Theory]
    [InlineData(nameof(AzureBlobGrainStorageOptions.ContainerName), "ab")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.ContainerName), "Grains")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.ContainerName), "double--hyphen")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.ContainerName), "-leading")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.MaxAttempts), 0)]
    [InlineData(nameof(AzureBlobGrainStorageOptions.RetryBaseDelay), "00:00:00")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.RetryMaxDelay), "00:00:00.050")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.AttemptTimeout), "-00:00:01")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.StartupTimeout), "00:00:00")]
    [InlineData(nameof(AzureBlobGrainStorageOptions.MaxStateBytes), 0)]
    [InlineData(nameof(AzureBlobGrainStorageOptions.MaxStateBytes), AzureBlobGrainStorageOptions.SinglePutLimitBytes + 1)]
    public void An_invalid_value_is_reported_naming_the_option_and_the_provider(string option, object value)
    {
        var options = new AzureBlobGrainStorageOptions();
        var property = typeof(AzureBlobGrainStorageOptions).GetProperty(option)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new AzureBlobGrainStorageOptionsValidator().Validate("Accounts", options);

        Assert.True(result.Failed);
        Assert.Contains($"{nameof(AzureBlobGrainStorageOptions)}.{option} of grain storage 'Accounts'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructing_the_provider_with_invalid_options_fails_with_the_same_messages()
    {
        var options = new AzureBlobGrainStorageOptions { ConnectionString = "nonsense", MaxAttempts = 0 };

        var ex = Assert.Throws<ArgumentException>(
            () => new AzureBlobGrainStorage("Default", options, TimeProvider.System, NullLogger<AzureBlobGrainStorage>.Instance));

        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AzureBlobGrainStorageOptions.MaxAttempts), ex.Message, StringComparison.Ordinal);
    }
}
