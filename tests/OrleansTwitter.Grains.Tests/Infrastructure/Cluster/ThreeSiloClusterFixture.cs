using Orleans.TestingHost;
using OrleansTwitter.Grains.Tests.Infrastructure.Delivery;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// Three silos with the shipped timeline settings and Memory streams, each with a
/// <see cref="DeliveryProbe"/> that records the deliveries its user grains receive: for the
/// proofs of per-silo delivery, which count messages per silo.
/// </summary>
public sealed class ThreeSiloClusterFixture : TimelineClusterFixture
{
    protected override short SiloCount => 3;

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<DeliveryProbeConfigurator>();
}
