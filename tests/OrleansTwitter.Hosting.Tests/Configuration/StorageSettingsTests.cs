using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>The operator contract's <c>Storage:*</c> keys.</summary>
public sealed class StorageSettingsTests
{
    // The shape of a real account's connection string; nothing listens there, and nothing is probed.
    private static readonly string Account = AzuriteProcess.ConnectionStringFor(10000, 10001);

    [Fact]
    public void Defaults_match_the_operator_contract()
    {
        var settings = StorageSettings.From(Settings.From());

        Assert.Equal("File", settings.Provider);
        Assert.True(settings.Is("File"));
        Assert.Equal("./data", settings.Path);
        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.Equal("grains", settings.Container);
    }

    [Theory]
    [InlineData("File")]
    [InlineData("memory")]
    [InlineData("AZUREBLOB")]
    public void Each_provider_is_accepted_without_regard_to_case(string provider)
    {
        var settings = StorageSettings.From(Settings.From(("Storage:Provider", provider), ("Storage:ConnectionString", Account)));

        Assert.True(settings.Is(provider.ToUpperInvariant()));
    }

    [Fact]
    public void AzureBlob_reads_its_account_and_container()
    {
        var settings = StorageSettings.From(Settings.From(
            ("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", Account), ("Storage:Container", "my-grains-2")));

        Assert.Equal(Account, settings.ConnectionString);
        Assert.Equal("my-grains-2", settings.Container);
    }

    [Theory]
    [InlineData("Storage:Provider", "Sql")]
    [InlineData("Storage:Provider", "")]
    [InlineData("Storage:Path", "")]
    [InlineData("Storage:Path", "  ")]
    public void A_bad_value_throws_one_line_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<OperatorConfigurationException>(() => StorageSettings.From(Settings.From((key, value))));

        OperatorMessages.AssertOneLineNaming(ex, key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a connection string")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=not-base64!")]
    [InlineData("DefaultEndpointsProtocol=http;BlobEndpoint=")]
    public void AzureBlob_without_a_usable_connection_string_throws_naming_it(string connectionString)
    {
        var ex = Assert.Throws<OperatorConfigurationException>(() => StorageSettings.From(Settings.From(
            ("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", connectionString))));

        OperatorMessages.AssertOneLineNaming(ex, "Storage:ConnectionString");
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Grains")]
    [InlineData("gr_ains")]
    [InlineData("-grains")]
    [InlineData("grains-")]
    [InlineData("gr--ains")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void AzureBlob_with_a_bad_container_name_throws_naming_it(string container)
    {
        var ex = Assert.Throws<OperatorConfigurationException>(() => StorageSettings.From(Settings.From(
            ("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", Account), ("Storage:Container", container))));

        OperatorMessages.AssertOneLineNaming(ex, "Storage:Container");
    }

    [Fact]
    public void The_container_name_is_only_checked_for_AzureBlob()
    {
        var settings = StorageSettings.From(Settings.From(("Storage:Provider", "File"), ("Storage:Container", "Not_Valid")));

        Assert.Equal("Not_Valid", settings.Container);
    }
}
