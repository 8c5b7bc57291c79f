using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansTwitter.Grains.Search;
using OrleansTwitter.Grains.Trends;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Adds search, trends and the user directory to an Orleans silo (called by <see cref="TimelineSiloBuilderExtensions.AddTimeline"/>).</summary>
public static class SearchSiloBuilderExtensions
{
    /// <summary>
    /// Adds the per-silo index write batch and hashtag counter, with <see cref="SearchOptions"/>
    /// bound from the <c>Search</c> section and validated at start. The grains are found by
    /// Orleans in this assembly; they need the <c>Default</c> stream provider and grain storage.
    /// </summary>
    public static ISiloBuilder AddSearch(this ISiloBuilder builder, IConfiguration? configuration = null, Action<SearchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SearchOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(SearchOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.TryAddSingleton(sp => new SearchClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IndexWriteBuffer>();
        services.TryAddSingleton<TrendCounter>();
        return builder;
    }
}
