using System.Globalization;
using System.Net;
using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Silo;

/// <summary>
/// The silo process with <c>Storage:Provider=AzureBlob</c>: it becomes ready against Azurite, and
/// a bad or unreachable account stops it at start with a message saying what is wrong.
/// </summary>
[Trait("Category", "System")]
public sealed class AzureBlobSiloProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-silo-blob-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task The_silo_with_AzureBlob_storage_on_Azurite_becomes_ready_and_stops_gracefully()
    {
        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.ExecutableFor(typeof(AzureBlobSiloProcessTests).Assembly));
        var httpPort = FreeTcpPort.Next();
        await using var silo = HostProcess.Start(
            HostProcess.SiloAssemblyPath, _workingDirectory,
            $"--Silo:HttpPort={httpPort}", "--Storage:Provider=AzureBlob", $"--Storage:ConnectionString={azurite.ConnectionString}", "--Storage:Container=silo-grains");
        await silo.WaitForOutputAsync("Application started", StartTimeout);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Contains("container 'silo-grains' was created", silo.Output, StringComparison.Ordinal);

        silo.Terminate();
        Assert.Equal(0, await silo.WaitForExitAsync(StopTimeout));
    }

    [Fact]
    public async Task An_unreachable_account_stops_the_silo_at_start_with_a_message_naming_the_endpoint()
    {
        var deadPort = FreeTcpPort.Next();
        await using var silo = HostProcess.Start(
            HostProcess.SiloAssemblyPath, _workingDirectory,
            $"--Silo:HttpPort={FreeTcpPort.Next()}", "--Storage:Provider=AzureBlob", $"--Storage:ConnectionString={AzuriteProcess.ConnectionStringFor(deadPort)}");

        // The provider's start-up check gives up after its 10 s default, well inside this bound.
        Assert.Equal(3, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("grain storage is unavailable", silo.Output, StringComparison.Ordinal);
        Assert.Contains($"could not reach its storage account at http://127.0.0.1:{deadPort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_the_silo_at_start_naming_the_key_and_not_the_secret()
    {
        const string Secret = "hunter2-not-base64!";
        await using var silo = HostProcess.Start(
            HostProcess.SiloAssemblyPath, _workingDirectory,
            $"--Silo:HttpPort={FreeTcpPort.Next()}", "--Storage:Provider=AzureBlob",
            $"--Storage:ConnectionString=DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Secret}");

        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("invalid configuration", silo.Output, StringComparison.Ordinal);
        Assert.Contains("(Storage:ConnectionString) is not a valid Azure Storage connection string: its AccountKey is not valid base64", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, silo.Output, StringComparison.Ordinal);
    }
}
