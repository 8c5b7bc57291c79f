using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>The operator contract's <c>Cluster:*</c> keys (DESIGN.md, "Operator contract").</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void Defaults_match_the_operator_contract()
    {
        var settings = ClusterSettings.From(Settings.From());

        Assert.Equal("Embedded", settings.Mode);
        Assert.True(settings.IsEmbedded);
        Assert.Equal("dev", settings.ClusterId);
        Assert.Equal("orleanstwitter", settings.ServiceId);
        Assert.Equal("InMemory", settings.Membership);
        Assert.True(settings.UsesInMemory);
        Assert.False(settings.UsesRedis);
        Assert.Equal(string.Empty, settings.Gateways);
    }

    [Fact]
    public void Values_are_read_and_names_match_without_regard_to_case()
    {
        var settings = ClusterSettings.From(Settings.From(
            ("Cluster:Mode", "client"),
            ("Cluster:ClusterId", "prod"),
            ("Cluster:ServiceId", "svc"),
            ("Cluster:Membership", "redis"),
            ("Cluster:Gateways", "10.0.0.1:30000")));

        Assert.True(settings.IsClient);
        Assert.True(settings.UsesRedis);
        Assert.Equal("prod", settings.ClusterId);
        Assert.Equal("svc", settings.ServiceId);
        Assert.Equal("10.0.0.1:30000", settings.Gateways);
    }

    [Theory]
    [InlineData("Cluster:Membership", "Consul")]
    [InlineData("Cluster:Membership", "")]
    [InlineData("Cluster:ClusterId", "")]
    [InlineData("Cluster:ClusterId", "   ")]
    [InlineData("Cluster:ServiceId", "")]
    public void A_bad_value_throws_one_line_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<OperatorConfigurationException>(() => ClusterSettings.From(Settings.From((key, value))));

        OperatorMessages.AssertOneLineNaming(ex, key);
    }
}
