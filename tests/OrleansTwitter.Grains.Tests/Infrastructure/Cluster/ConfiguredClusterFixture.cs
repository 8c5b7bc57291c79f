using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// One silo whose <c>Timeline</c> section comes from configuration, as an operator sets it: a home
/// timeline of 5, a celebrity at 3 followers (hysteresis 1 by default), a 2-second celebrity cache
/// and node id 77. Its celebrity cache runs on a <see cref="FakeTimeProvider"/>, so that a test
/// knows exactly whether the cache is fresh; the rest of the silo keeps real time.
/// </summary>
public sealed class ConfiguredClusterFixture : TimelineClusterFixture
{
    public const int Capacity = 5;
    public const int CelebrityThreshold = 3;
    public const int NodeId = 77;
    public static readonly TimeSpan CelebrityCacheDuration = TimeSpan.FromSeconds(2);

    /// <summary>The clock of the silo's celebrity cache.</summary>
    public FakeTimeProvider CacheClock => ServicesOf(Cluster.Primary!).GetRequiredService<FakeTimeProvider>();

    protected override short SiloCount => 1;

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["Timeline:Capacity"] = Invariant(Capacity);
        builder.Properties["Timeline:CelebrityThreshold"] = Invariant(CelebrityThreshold);
        builder.Properties["Timeline:CelebrityCacheDuration"] = CelebrityCacheDuration.ToString("c", CultureInfo.InvariantCulture);
        builder.Properties["Timeline:NodeId"] = Invariant(NodeId);
        builder.AddSiloBuilderConfigurator<CelebrityCacheOnFakeClock>();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
