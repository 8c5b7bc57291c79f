using System.Net;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansTwitter.Hosting.Configuration;

namespace OrleansTwitter.Hosting;

/// <summary>
/// The operator contract turned into an Orleans cluster client, for the web front end in
/// <c>Cluster:Mode=Client</c>: the gateways from the cluster's Redis membership table, or the
/// fixed list in <c>Cluster:Gateways</c>.
/// </summary>
public static class OrleansTwitterClient
{
    /// <summary>Adds a cluster client configured from <paramref name="builder"/>'s configuration.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="configureClient">More client configuration (call filters, a connection retry policy).</param>
    /// <exception cref="OperatorConfigurationException">A value is wrong; the message names its key.</exception>
    public static IHostApplicationBuilder AddOrleansTwitterClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configureClient = null)
    {
        var configuration = builder.Configuration;
        var cluster = ClusterSettings.From(configuration);
        var gateways = cluster.UsesRedis ? null : ParseGateways(cluster.Gateways);
        var redis = cluster.UsesRedis ? RedisConnection.Parse(RedisConnection.ConnectionString(configuration)) : null;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = MembershipDefaults.GatewayListRefreshPeriod);
            if (redis is not null)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = redis);
            }
            else
            {
                client.UseStaticClustering(gateways!);
            }

            client.AddActivityPropagation();
            OrleansOptionsBinding.BindClient(client.Services, configuration);
            configureClient?.Invoke(client);
        });
        return builder;
    }

    /// <summary>Parses <c>Cluster:Gateways</c> (<c>host:port,...</c>); throws naming the key when it is empty or malformed.</summary>
    internal static IPEndPoint[] ParseGateways(string? gateways)
    {
        // Checked after the split: a list of only commas and spaces names no gateway either. Null
        // when the configuration holds a null value (JSON null), which the binder copies as it is.
        var entries = gateways?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (entries.Length == 0)
        {
            throw new OperatorConfigurationException(
                "Cluster:Gateways must list the silos' gateways (host:port,...) when Cluster:Mode is Client and Cluster:Membership is InMemory.");
        }

        return [.. entries.Select(ParseGateway)];
    }

    private static IPEndPoint ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new OperatorConfigurationException($"Cluster:Gateways has '{gateway}', which is not host:port.");
        }

        var host = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            return new IPEndPoint(Dns.GetHostAddresses(host)[0], port);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IndexOutOfRangeException or ArgumentException)
        {
            throw new OperatorConfigurationException($"Cluster:Gateways has '{gateway}', whose host does not resolve: {ex.Message}", ex);
        }
    }
}
