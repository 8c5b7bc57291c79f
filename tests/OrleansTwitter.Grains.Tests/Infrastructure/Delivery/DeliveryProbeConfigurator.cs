using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Delivery;

/// <summary>Adds a <see cref="DeliveryProbe"/> and its filter to a test cluster's silos (only the clusters that ask for it).</summary>
internal sealed class DeliveryProbeConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton<DeliveryProbe>();
        siloBuilder.AddIncomingGrainCallFilter<DeliveryProbeFilter>();
    }
}
