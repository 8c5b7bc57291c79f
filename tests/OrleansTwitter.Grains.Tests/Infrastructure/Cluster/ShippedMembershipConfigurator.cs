using Orleans.Configuration;
using Orleans.TestingHost;
using OrleansTwitter.Hosting.Configuration;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// The failure detection the silo host ships (<see cref="MembershipDefaults"/>: a 1 s probe, two
/// missed probes, two votes), so a killed test silo is declared dead within seconds, not after
/// Orleans' defaults of over 10.
/// </summary>
internal sealed class ShippedMembershipConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Configure<ClusterMembershipOptions>(MembershipDefaults.Apply);
}
