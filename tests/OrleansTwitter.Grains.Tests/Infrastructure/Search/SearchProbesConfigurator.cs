using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Trends;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Search;

/// <summary>
/// Gives a test silo a <see cref="TermCallProbe"/> and puts its trend window on a
/// <see cref="FakeTimeProvider"/> of its own (set to now). Only the window: Orleans' timers, tweet
/// ids, stream agents and the search flushes keep real time.
/// </summary>
internal sealed class SearchProbesConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton<TermCallProbe>();
        siloBuilder.AddIncomingGrainCallFilter<TermCallProbeFilter>();
        siloBuilder.Services.AddKeyedSingleton(nameof(SearchClock), (_, _) => new FakeTimeProvider(DateTimeOffset.UtcNow));
        siloBuilder.Services.AddSingleton(services => new SearchClock(services.GetRequiredKeyedService<FakeTimeProvider>(nameof(SearchClock))));
    }
}
