using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>The operator contract's <c>Streams:*</c> keys.</summary>
public sealed class StreamsSettingsTests
{
    private static readonly string StorageAccount = AzuriteProcess.ConnectionStringFor(10000, 10001);
    private static readonly string StreamsAccount = AzuriteProcess.ConnectionStringFor(20000, 20001);

    [Fact]
    public void Defaults_match_the_operator_contract()
    {
        var configuration = Settings.From();
        var settings = StreamsSettings.From(configuration, StorageSettings.From(configuration));

        Assert.Equal("Memory", settings.Provider);
        Assert.False(settings.IsAzureQueue);
        Assert.Equal(string.Empty, settings.ConnectionString);
    }

    [Fact]
    public void AzureQueue_uses_the_storage_account_unless_its_own_is_set()
    {
        var shared = Settings.From(("Streams:Provider", "azurequeue"), ("Storage:ConnectionString", StorageAccount));
        var own = Settings.From(("Streams:Provider", "AzureQueue"), ("Storage:ConnectionString", StorageAccount), ("Streams:ConnectionString", StreamsAccount));

        var sharedStorage = StorageSettings.From(shared);
        var ownStorage = StorageSettings.From(own);

        Assert.Equal((StorageAccount, "Storage:ConnectionString"), StreamsSettings.From(shared, sharedStorage).Account(sharedStorage));
        Assert.Equal((StreamsAccount, "Streams:ConnectionString"), StreamsSettings.From(own, ownStorage).Account(ownStorage));
    }

    [Fact]
    public void AzureQueue_accepts_an_account_that_names_only_its_queue_endpoint()
    {
        // Streams use only the queue service; the account need not name a blob endpoint.
        var queuesOnly = $"AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};QueueEndpoint=http://127.0.0.1:20001/{AzuriteProcess.AccountName}";
        var configuration = Settings.From(("Storage:Provider", "Memory"), ("Streams:Provider", "AzureQueue"), ("Streams:ConnectionString", queuesOnly));

        var settings = StreamsSettings.From(configuration, StorageSettings.From(configuration));

        Assert.Equal((queuesOnly, "Streams:ConnectionString"), settings.Account(StorageSettings.From(configuration)));
    }

    [Theory]
    [InlineData("Kafka")]
    [InlineData("")]
    public void An_unknown_provider_throws_one_line_naming_the_key(string provider)
    {
        var configuration = Settings.From(("Streams:Provider", provider));

        var ex = Assert.Throws<OperatorConfigurationException>(() => StreamsSettings.From(configuration, StorageSettings.From(configuration)));

        OperatorMessages.AssertOneLineNaming(ex, "Streams:Provider");
    }

    [Theory]
    [InlineData("", "", "Storage:ConnectionString")]
    [InlineData("not a connection string", "", "Storage:ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "not a connection string", "Streams:ConnectionString")]
    public void AzureQueue_without_a_usable_account_throws_naming_the_key_it_came_from(string storageAccount, string streamsAccount, string key)
    {
        // Storage on Memory: only the streams need the account.
        var configuration = Settings.From(
            ("Storage:Provider", "Memory"),
            ("Storage:ConnectionString", storageAccount),
            ("Streams:Provider", "AzureQueue"),
            ("Streams:ConnectionString", streamsAccount));

        var ex = Assert.Throws<OperatorConfigurationException>(() => StreamsSettings.From(configuration, StorageSettings.From(configuration)));

        OperatorMessages.AssertOneLineNaming(ex, key);
    }
}
