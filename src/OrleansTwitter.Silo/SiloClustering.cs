using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Redis.Membership;

namespace OrleansTwitter.Silo;

/// <summary>
/// The operator contract's <c>Cluster:*</c>, <c>Redis:*</c> and <c>Silo:*</c> keys, applied to
/// the runtime: this silo listens on <c>Silo:Port</c> and <c>Silo:GatewayPort</c> and finds its
/// peers in the membership table <c>Cluster:Membership</c> names.
/// </summary>
internal static class SiloClustering
{
    public static void Configure(IHostApplicationBuilder builder, SiloEndpointSettings endpoint)
    {
        var clusterId = builder.Configuration["Cluster:ClusterId"] ?? "dev";
        var membership = builder.Configuration["Cluster:Membership"] ?? "InMemory";
        builder.Services.Configure<SiloNetworkOptions>(o =>
        {
            o.Host = endpoint.Host;
            o.Port = endpoint.Port;
            o.GatewayPort = endpoint.GatewayPort;
        });
        builder.Services.Configure<ClusterMembershipOptions>(o => o.ClusterId = clusterId);
        switch (membership.ToUpperInvariant())
        {
            case "INMEMORY":
                // A table in this process: a cluster of this one silo (the default).
                break;
            case "REDIS":
                var connectionString = builder.Configuration["Redis:ConnectionString"] ?? RedisMembershipOptions.DefaultConnectionString;
                builder.Services.AddRedisMembershipTable(o =>
                {
                    o.ConnectionString = connectionString;
                    o.ClusterId = clusterId;
                });
                RedisNodeIds.ApplyTo(builder.Configuration, connectionString, clusterId);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Membership is '{membership}'; use InMemory or Redis.");
        }
    }
}
