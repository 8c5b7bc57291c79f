using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Client;

/// <summary>Adds a client of a remote cluster to an application (the web front end in <c>Cluster:Mode=Client</c>).</summary>
public static class ActorsClientHostingExtensions
{
    /// <summary>
    /// Registers a <see cref="ClusterClient"/> as <see cref="IClusterClient"/> and
    /// <see cref="IGrainFactory"/>, connected when the host starts (start fails with the reason
    /// when no gateway answers) and closed when it stops. Gateways come from
    /// <see cref="ClusterClientOptions.Gateways"/> or from an <see cref="IMembershipTable"/> in the services.
    /// </summary>
    public static IHostApplicationBuilder UseActorsClient(this IHostApplicationBuilder builder, Action<ClusterClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ClusterClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MessagingOptions>();
        builder.Services.TryAddSingleton(sp => new ClusterClient(
            sp.GetRequiredService<IOptions<ClusterClientOptions>>().Value,
            sp.GetService<IMembershipTable>(),
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value,
            sp,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            []));
        builder.Services.TryAddSingleton<IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        builder.Services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        builder.Services.AddHostedService<ClusterClientHostedService>();
        return builder;
    }

    private sealed class ClusterClientHostedService(ClusterClient client) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => client.ConnectAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => client.DisposeAsync().AsTask();
    }
}
