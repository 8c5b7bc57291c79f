using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>Registers the Redis membership table.</summary>
public static class RedisMembershipServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisMembershipTable"/> as the singleton <see cref="IMembershipTable"/>,
    /// replacing any table registered before. Options come from <paramref name="configure"/> (and
    /// any other <c>Configure&lt;RedisMembershipOptions&gt;</c>); invalid options fail at host
    /// start-up, or when the table is first resolved outside a host. Redis itself is not contacted
    /// until the table is first used.
    /// </summary>
    public static IServiceCollection AddRedisMembershipTable(this IServiceCollection services, Action<RedisMembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisMembershipOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisMembershipOptions>, RedisMembershipOptionsValidator>());
        services.TryAddSingleton(provider => new RedisMembershipTable(
            provider.GetRequiredService<IOptions<RedisMembershipOptions>>().Value,
            provider.GetService<ILogger<RedisMembershipTable>>() ?? NullLogger<RedisMembershipTable>.Instance));
        services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(provider => provider.GetRequiredService<RedisMembershipTable>()));
        return services;
    }
}
