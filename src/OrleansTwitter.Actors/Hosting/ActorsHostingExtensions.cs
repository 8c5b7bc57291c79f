using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>Hosts a silo in a generic host or a web application.</summary>
public static class ActorsHostingExtensions
{
    /// <summary>Adds a silo to the application; <paramref name="configure"/> adds storage providers and options.</summary>
    public static IHostApplicationBuilder UseActors(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var silo = AddSiloServices(builder.Services, builder.Configuration);
        configure?.Invoke(silo);
        return builder;
    }

    /// <summary>Adds a silo to a generic host.</summary>
    public static IHostBuilder UseActors(this IHostBuilder builder, Action<HostBuilderContext, ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices((context, services) =>
        {
            var silo = AddSiloServices(services, context.Configuration);
            configure?.Invoke(context, silo);
        });
    }

    /// <summary>Names an assembly with grains that discovery would not find (for example one loaded later).</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        builder.Services.Configure<SiloAssembliesOptions>(o => o.Assemblies.Add(assembly));
        return builder;
    }

    private static SiloBuilder AddSiloServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MessagingOptions>()
            .Validate(o => o.ResponseTimeout > TimeSpan.Zero, $"{nameof(MessagingOptions.ResponseTimeout)} must be positive.")
            .ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>());
        services.AddOptions<SiloAssembliesOptions>();
        services.AddOptions<SiloNetworkOptions>();
        services.AddOptions<ClusterMembershipOptions>()
            .Validate(o => !o.Validate().Any(), "ClusterMembershipOptions are invalid: durations must be positive, counts at least 1 and ClusterId set.")
            .ValidateOnStart();
        services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.TryAddSingleton(sp => new Silo(new SiloDependencies(
            sp,
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value,
            sp.GetRequiredService<IOptions<GrainCollectionOptions>>().Value,
            sp.GetRequiredService<IOptions<SiloNetworkOptions>>().Value,
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value,
            sp.GetRequiredService<IMembershipTable>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IOptions<SiloAssembliesOptions>>().Value.Assemblies,
            // A fenced silo must not go on serving: stop the whole process's host.
            () => sp.GetService<IHostApplicationLifetime>()?.StopApplication())));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<Silo>().GrainFactory);
        services.TryAddSingleton(sp => sp.GetRequiredService<Silo>().Multicaster);
        services.TryAddSingleton(sp =>
        {
            var silo = sp.GetRequiredService<Silo>();
            return new StreamingRuntime(silo.GrainFactory, silo.Invoker, silo.Manifest);
        });
        services.TryAddSingleton<IClusterClient>(sp => new InProcessClusterClient(sp.GetRequiredService<Silo>(), sp));
        services.AddHostedService<SiloHostedService>();
        return new SiloBuilder(services, configuration);
    }
}

/// <summary>Assemblies added with <see cref="ActorsHostingExtensions.AddGrainAssembly"/>.</summary>
internal sealed class SiloAssembliesOptions
{
    public List<Assembly> Assemblies { get; } = [];
}
