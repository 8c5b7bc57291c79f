using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Hosting;

/// <summary>
/// A host with the provider fails its start (never a later grain call) when the account is
/// malformed, unreachable or rejects the credentials, with a message that says which, and it
/// creates a missing container when all is well.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class AzureBlobStartupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_missing_container_is_created_at_start()
    {
        var container = $"fresh-{Guid.NewGuid():N}";
        using var host = BuildHost(azurite.ConnectionString, container, out var probe);

        await host.StartAsync();

        var storage = (AzureBlobGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        Assert.True(probe.Started);
        Assert.Equal(container, storage.ContainerName);
        Assert.True(await storage.Container.ExistsAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unreachable_account_fails_the_start_within_the_startup_timeout_with_a_message_naming_the_endpoint()
    {
        var port = FreeTcpPort.Next();
        using var host = BuildHost(AzuriteProcess.ConnectionStringFor(port), "grains", out var probe);
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<GrainStorageException>(() => host.StartAsync());

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, StartupTimeout + TimeSpan.FromSeconds(5));
        Assert.False(probe.Started);
        Assert.Contains("could not reach its storage account", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/devstoreaccount1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_fail_the_start_at_once_without_retrying_or_echoing_the_key()
    {
        var wrongKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var connectionString = azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, wrongKey, StringComparison.Ordinal);
        using var host = BuildHost(connectionString, "grains", out var probe, startupTimeout: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<GrainStorageException>(() => host.StartAsync());

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.False(probe.Started);
        Assert.Contains("HTTP 403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rejected the credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a connection string", "not a list of name=value settings")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=top$secret!", "AccountKey is not valid base64")]
    [InlineData("AccountKey=c2VjcmV0;Colour=blue", "(AccountKey, Colour) are not a usable combination")]
    [InlineData("", "it is empty")]
    public async Task A_malformed_connection_string_fails_the_start_naming_the_key_but_not_its_secrets(string connectionString, string problem)
    {
        using var host = BuildHost(connectionString, "grains", out var probe);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.False(probe.Started);
        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_container_name_fails_the_start_naming_the_key()
    {
        using var host = BuildHost(azurite.ConnectionString, "Not_A_Container", out _);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Container", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Not_A_Container'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A silo host as the silo builds it: the provider is the default storage, and a probe starts last.</summary>
    private static IHost BuildHost(string connectionString, string container, out StartProbe probe, TimeSpan? startupTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActors(silo => silo.Services.AddAzureBlobGrainStorage(GrainStorageNames.Default, o =>
        {
            o.ConnectionString = connectionString;
            o.ContainerName = container;
            o.StartupTimeout = startupTimeout ?? StartupTimeout;
        }));
        probe = new StartProbe();
        builder.Services.AddSingleton<IHostedService>(probe);
        return builder.Build();
    }
}
