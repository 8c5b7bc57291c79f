using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
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
        services.TryAddSingleton(sp =>
        {
            return new Silo(
                sp,
                sp.GetRequiredService<IOptions<MessagingOptions>>(),
                sp.GetRequiredService<IOptions<GrainCollectionOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<Silo>>(),
                sp.GetRequiredService<IOptions<SiloAssembliesOptions>>().Value.Assemblies);
        });
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
