using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Servers;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Hosting.Tests.Startup;

/// <summary>
/// <see cref="StartupChecks.RunAsync"/> probing the Azure Storage account of <c>AzureBlob</c>
/// grain storage and <c>AzureQueue</c> streams, against a real Azurite.
/// </summary>
public sealed class AzureStartupChecksTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    // Generous: the probes' own timeout is 10 s; this only keeps a hang from stalling the run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Blob_storage_and_queue_streams_on_a_live_account_pass()
    {
        var configuration = Settings.From(
            ("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", fixture.Azurite.ConnectionString), ("Streams:Provider", "AzureQueue"));

        var report = await Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the probes of Azurite");

        Assert.Null(report);
    }

    [Fact]
    public async Task Queue_streams_on_their_own_live_account_pass_while_storage_is_File()
    {
        var configuration = Settings.From(
            ("Storage:ConnectionString", ClosedAccount()), ("Streams:Provider", "AzureQueue"), ("Streams:ConnectionString", fixture.Azurite.ConnectionString));

        await Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the probe of Azurite's queues");
    }

    [Fact]
    public async Task Blob_storage_on_a_closed_port_throws_naming_Storage_ConnectionString()
    {
        var configuration = Settings.From(("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", ClosedAccount()));

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the probe of a closed port to fail"));

        OperatorMessages.AssertOneLineNaming(ex, "Storage:ConnectionString");
        Assert.Contains("blob", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_streams_on_the_storage_account_with_its_queues_closed_throw_naming_Storage_ConnectionString()
    {
        // Blobs answer (Azurite's); queues are on a port nobody listens on.
        var account = AzuriteProcess.ConnectionStringFor(fixture.Azurite.BlobPort, FreeTcpPort.Next());
        var configuration = Settings.From(("Storage:Provider", "AzureBlob"), ("Storage:ConnectionString", account), ("Streams:Provider", "AzureQueue"));

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the probe of a closed port to fail"));

        OperatorMessages.AssertOneLineNaming(ex, "Storage:ConnectionString");
        Assert.Contains("queue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_streams_on_their_own_closed_account_throw_naming_Streams_ConnectionString()
    {
        var configuration = Settings.From(
            ("Storage:Provider", "AzureBlob"),
            ("Storage:ConnectionString", fixture.Azurite.ConnectionString),
            ("Streams:Provider", "AzureQueue"),
            ("Streams:ConnectionString", ClosedAccount()));

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the probe of a closed port to fail"));

        OperatorMessages.AssertOneLineNaming(ex, "Streams:ConnectionString");
    }

    [Fact]
    public async Task File_storage_and_memory_streams_probe_no_account()
    {
        // The default account (UseDevelopmentStorage=true: Azurite's default ports) is not running
        // here, so any probe of it would throw.
        var configuration = Settings.From(("Storage:Path", "unused"));

        var report = await Eventually.CompletesAsync(StartupChecks.RunAsync(configuration), Bound, "the start-up checks");

        Assert.Null(report);
    }

    private static string ClosedAccount() => AzuriteProcess.ConnectionStringFor(FreeTcpPort.Next(), FreeTcpPort.Next());
}
