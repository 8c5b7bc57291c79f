using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Storage;
using OrleansTwitter.Hosting.Tests.Infrastructure;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>
/// <see cref="OrleansTwitterSilo.AddOrleansTwitterSilo"/> turning the contract into silo
/// options. Built, never started: these read the options a silo would start with.
/// </summary>
public sealed class SiloConfigurationTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private static void Embedded(IHostApplicationBuilder builder) => builder.AddOrleansTwitterSilo(embedded: true);

    [Fact]
    public void Membership_defaults_are_applied()
    {
        using var host = Hosts.Build(Embedded, ("Storage:Path", _data.Path));

        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(1), options.ProbeTimeout);
        Assert.Equal(2, options.NumMissedProbesLimit);
        Assert.Equal(2, options.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TableRefreshTimeout);
    }

    [Fact]
    public void Orleans_ClusterMembership_overrides_a_default_and_leaves_the_others()
    {
        using var host = Hosts.Build(Embedded, ("Storage:Path", _data.Path), ("Orleans:ClusterMembership:ProbeTimeout", "00:00:03"));

        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(3), options.ProbeTimeout);
        Assert.Equal(MembershipDefaults.NumMissedProbesLimit, options.NumMissedProbesLimit);
        Assert.Equal(MembershipDefaults.TableRefreshTimeout, options.TableRefreshTimeout);
    }

    [Fact]
    public void Azure_queue_streams_poll_every_250_ms_unless_Orleans_StreamPullingAgent_says_otherwise()
    {
        (string, string?)[] azureQueue =
        [
            ("Storage:Path", _data.Path), ("Streams:Provider", "AzureQueue"), ("Streams:ConnectionString", "UseDevelopmentStorage=true"),
        ];
        using var shipped = Hosts.Build(Embedded, azureQueue);
        using var tuned = Hosts.Build(Embedded, [.. azureQueue, ("Orleans:StreamPullingAgent:GetQueueMsgsTimerPeriod", "00:00:01")]);

        TimeSpan PollPeriod(IHost host) =>
            host.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(OrleansTwitterSilo.StreamProviderName).GetQueueMsgsTimerPeriod;

        Assert.Equal(StreamPollingDefaults.GetQueueMessagesPeriod, PollPeriod(shipped));
        Assert.Equal(TimeSpan.FromMilliseconds(250), StreamPollingDefaults.GetQueueMessagesPeriod);
        Assert.Equal(TimeSpan.FromSeconds(1), PollPeriod(tuned));
    }

    [Fact]
    public void An_embedded_silo_listens_on_loopback_on_a_free_port_with_no_gateway_unless_told()
    {
        using var host = Hosts.Build(Embedded, ("Storage:Path", _data.Path));

        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(System.Net.IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.InRange(endpoints.SiloPort, 1, 65535);
        Assert.Equal(0, endpoints.GatewayPort);
    }

    [Fact]
    public void An_embedded_silo_takes_the_ports_it_is_given()
    {
        using var host = Hosts.Build(Embedded, ("Storage:Path", _data.Path), ("Silo:Port", "21111"), ("Silo:GatewayPort", "23000"));

        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(21111, endpoints.SiloPort);
        Assert.Equal(23000, endpoints.GatewayPort);
    }

    [Fact]
    public void File_storage_is_the_default_and_the_pubsub_store_over_Storage_Path()
    {
        using var host = Hosts.Build(Embedded, ("Storage:Path", _data.Path));

        foreach (var name in new[] { "Default", OrleansTwitterSilo.PubSubStoreName })
        {
            var storage = Assert.IsType<FileGrainStorage>(host.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(name));
            Assert.Equal(_data.Path, storage.RootPath);
        }
    }

    [Fact]
    public void An_embedded_silo_on_Redis_membership_throws_naming_Cluster_Membership()
    {
        var builder = Hosts.Builder(("Cluster:Membership", "Redis"));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterSilo(embedded: true));

        OperatorMessages.AssertOneLineNaming(ex, "Cluster:Membership");
    }

    [Theory]
    [InlineData("Storage:Provider", "Sql")]
    [InlineData("Streams:Provider", "Kafka")]
    [InlineData("Cluster:Membership", "Zookeeper")]
    [InlineData("Silo:Port", "70000")]
    [InlineData("Silo:GatewayPort", "0")]
    public void A_silo_with_a_bad_value_throws_naming_its_key(string key, string value)
    {
        var builder = Hosts.Builder((key, value));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterSilo());

        OperatorMessages.AssertOneLineNaming(ex, key);
    }

    [Fact]
    public void A_silo_on_Redis_membership_with_a_malformed_connection_string_throws_naming_it()
    {
        var builder = Hosts.Builder(("Cluster:Membership", "Redis"), ("Redis:ConnectionString", "localhost:6379,connectTimeout=soon"));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterSilo());

        OperatorMessages.AssertOneLineNaming(ex, "Redis:ConnectionString");
    }
}
