using Orleans.Configuration;
using OrleansTwitter.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Health;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Cluster;

/// <summary>
/// Puts the web front end in a cluster as <c>Cluster:Mode</c> says: a silo inside this process
/// (<c>Embedded</c>, the default), or a client of an external cluster (<c>Client</c>). Either way
/// <see cref="IClusterClient"/> is in the services, so the APIs do not know which.
/// </summary>
internal static class ClusterHostingExtensions
{
    /// <summary>Adds the silo or the client.</summary>
    /// <exception cref="OperatorConfigurationException">A <c>Cluster:*</c> (or other contract) value is wrong; the message names its key.</exception>
    public static ClusterSettings AddClusterFromConfiguration(this IHostApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        if (settings.IsEmbedded)
        {
            builder.AddOrleansTwitterSilo(embedded: true);
            builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: [WebHealth.ReadyTag]);
            return settings;
        }

        if (!settings.IsClient)
        {
            throw new OperatorConfigurationException($"Cluster:Mode is '{settings.Mode}'; use Embedded or Client.");
        }

        // Before the client's Orleans:* options are bound, so that an operator's value wins.
        builder.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = SafeRetryCallFilter.ResponseTimeout);
        builder.Services.AddSingleton<GatewayConnections>();
        builder.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayConnections>());
        builder.AddOrleansTwitterClient(client =>
        {
            client.AddOutgoingGrainCallFilter<SafeRetryCallFilter>();
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [WebHealth.ReadyTag]);
        return settings;
    }
}
