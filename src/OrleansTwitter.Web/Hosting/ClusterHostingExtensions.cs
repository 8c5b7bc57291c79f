using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Silo;

namespace OrleansTwitter.Web.Hosting;

/// <summary>
/// Puts the web front end in a cluster as <c>Cluster:Mode</c> says: a silo inside this process
/// (<c>Embedded</c>, the default), or a client of an external cluster (<c>Client</c>). Either way
/// <see cref="IClusterClient"/> is in the services, so the APIs do not know which.
/// </summary>
internal static class ClusterHostingExtensions
{
    /// <summary>Adds the silo or the client. A bad <c>Cluster:*</c> value throws <see cref="InvalidOperationException"/> naming the key.</summary>
    public static ClusterSettings AddClusterFromConfiguration(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        if (settings.IsEmbedded)
        {
            if (!string.Equals(settings.Membership, "InMemory", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Cluster:Membership is '{settings.Membership}', but an embedded silo is a cluster of one: use InMemory, or Cluster:Mode=Client to join a cluster.");
            }

            // The same domain, streams and storage as the silo host; not networked (no Silo:Port).
            builder.UseActors(silo => silo.AddStreamsFromConfiguration().AddTimeline().AddGrainStorageFromConfiguration(SiloStorageProviders.Additional));
            builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: [WebHealth.ReadyTag]);
            return settings;
        }

        if (!settings.IsClient)
        {
            throw new InvalidOperationException($"Cluster:Mode is '{settings.Mode}'; use Embedded or Client.");
        }

        switch (settings.Membership.ToUpperInvariant())
        {
            case "INMEMORY":
                if (string.IsNullOrWhiteSpace(settings.Gateways))
                {
                    throw new InvalidOperationException("Cluster:Mode is Client with Cluster:Membership=InMemory, so Cluster:Gateways must list the silos' gateways (host:port,...).");
                }

                break;
            case "REDIS":
                builder.Services.AddRedisMembershipTable(o =>
                {
                    o.ConnectionString = builder.Configuration["Redis:ConnectionString"] ?? RedisMembershipOptions.DefaultConnectionString;
                    o.ClusterId = settings.ClusterId;
                });
                break;
            default:
                throw new InvalidOperationException($"Cluster:Membership is '{settings.Membership}'; use InMemory or Redis.");
        }

        var gateways = settings.Gateways;
        builder.UseActorsClient(o =>
        {
            if (!string.IsNullOrWhiteSpace(gateways))
            {
                o.Gateways = [gateways];
            }
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [WebHealth.ReadyTag]);
        return settings;
    }
}
