using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// Binds the <c>Orleans:*</c> sections the operator contract names to Orleans' options classes,
/// by the class name without "Options" (<c>Orleans:ClusterMembership:ProbeTimeout</c> is
/// <see cref="ClusterMembershipOptions.ProbeTimeout"/>). Orleans binds <c>Orleans:ClusterId</c>,
/// <c>Orleans:Messaging</c> and <c>Orleans:Endpoints</c> itself.
/// </summary>
internal static class OrleansOptionsBinding
{
    private const string Root = "Orleans";

    public static void BindSilo(IServiceCollection services, IConfiguration configuration)
    {
        Bind<ClusterMembershipOptions>(services, configuration, "ClusterMembership");
        Bind<GrainCollectionOptions>(services, configuration, "GrainCollection");
        Bind<SiloMessagingOptions>(services, configuration, "SiloMessaging");
        Bind<SchedulingOptions>(services, configuration, "Scheduling");
        Bind<GrainDirectoryOptions>(services, configuration, "GrainDirectory");

        // Named: Orleans keeps a stream provider's options under the provider's name.
        Bind<StreamPullingAgentOptions>(services, configuration, "StreamPullingAgent", OrleansTwitterSilo.StreamProviderName);
    }

    public static void BindClient(IServiceCollection services, IConfiguration configuration)
    {
        Bind<GatewayOptions>(services, configuration, "Gateway");
        Bind<ClientMessagingOptions>(services, configuration, "ClientMessaging");
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration configuration, string section, string? name = null)
        where TOptions : class
    {
        var values = configuration.GetSection($"{Root}:{section}");
        if (values.Exists())
        {
            services.AddOptions<TOptions>(name ?? Options.DefaultName).Bind(values);
        }
    }
}
