using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>
/// <see cref="OrleansTwitterClient.AddOrleansTwitterClient"/>: the web front end in
/// <c>Cluster:Mode=Client</c> finds the cluster through <c>Cluster:Gateways</c> or Redis.
/// Built, never started: nothing here connects.
/// </summary>
public sealed class ClientConfigurationTests
{
    [Fact]
    public void Cluster_gateways_become_the_clients_static_gateway_list()
    {
        using var host = Hosts.Build(
            b => b.AddOrleansTwitterClient(), ("Cluster:Mode", "Client"), ("Cluster:Gateways", " 127.0.0.1:30000 , [::1]:30001,localhost:30002 "));

        var gateways = host.Services.GetRequiredService<IOptions<StaticGatewayListProviderOptions>>().Value.Gateways;

        Assert.Equal(3, gateways.Count);
        Assert.Equal(
            [new IPEndPoint(IPAddress.Loopback, 30000), new IPEndPoint(IPAddress.IPv6Loopback, 30001)],
            gateways.Take(2).Select(uri => new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port)));
        Assert.Equal(30002, gateways[2].Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Client_mode_without_gateways_or_redis_throws_naming_Cluster_Gateways(string? gateways)
    {
        var builder = Hosts.Builder(("Cluster:Mode", "Client"), ("Cluster:Gateways", gateways));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterClient());

        OperatorMessages.AssertOneLineNaming(ex, "Cluster:Gateways");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData(":30000")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:thirty")]
    [InlineData("127.0.0.1:30000,127.0.0.1")]
    [InlineData("no-such-host.invalid:30000")]
    public void A_malformed_gateway_throws_naming_Cluster_Gateways_and_the_entry(string gateways)
    {
        var builder = Hosts.Builder(("Cluster:Mode", "Client"), ("Cluster:Gateways", gateways));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterClient());

        OperatorMessages.AssertOneLineNaming(ex, "Cluster:Gateways");
        Assert.Contains(gateways.Split(',')[^1], ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:6379,connectTimeout=soon")]
    [InlineData("localhost:6379,noSuchOption=1")]
    public void Redis_membership_with_a_malformed_connection_string_throws_naming_it(string connectionString)
    {
        var builder = Hosts.Builder(("Cluster:Mode", "Client"), ("Cluster:Membership", "Redis"), ("Redis:ConnectionString", connectionString));

        var ex = Assert.Throws<OperatorConfigurationException>(() => builder.AddOrleansTwitterClient());

        OperatorMessages.AssertOneLineNaming(ex, "Redis:ConnectionString");
    }

    [Fact]
    public void The_gateway_list_refresh_default_applies_and_Orleans_Gateway_overrides_it()
    {
        using var defaults = Hosts.Build(b => b.AddOrleansTwitterClient(), ("Cluster:Gateways", "127.0.0.1:30000"));
        using var overridden = Hosts.Build(
            b => b.AddOrleansTwitterClient(), ("Cluster:Gateways", "127.0.0.1:30000"), ("Orleans:Gateway:GatewayListRefreshPeriod", "00:00:07"));

        Assert.Equal(MembershipDefaults.GatewayListRefreshPeriod, defaults.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), MembershipDefaults.GatewayListRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(7), overridden.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
    }

    [Fact]
    public void The_cluster_and_service_ids_come_from_the_contract()
    {
        using var host = Hosts.Build(
            b => b.AddOrleansTwitterClient(), ("Cluster:Gateways", "127.0.0.1:30000"), ("Cluster:ClusterId", "blue"), ("Cluster:ServiceId", "tweets"));

        var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("blue", cluster.ClusterId);
        Assert.Equal("tweets", cluster.ServiceId);
    }
}
