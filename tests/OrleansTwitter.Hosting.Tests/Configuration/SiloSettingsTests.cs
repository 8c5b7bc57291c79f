using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Tests.Infrastructure;

namespace OrleansTwitter.Hosting.Tests.Configuration;

/// <summary>The operator contract's <c>Silo:*</c> keys.</summary>
public sealed class SiloSettingsTests
{
    [Fact]
    public void Defaults_match_the_operator_contract()
    {
        var settings = SiloSettings.From(Settings.From());

        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(11111, settings.Port);
        Assert.Equal(30000, settings.GatewayPort);
        Assert.Equal(8080, settings.HttpPort);
    }

    [Fact]
    public void Values_are_read()
    {
        var settings = SiloSettings.From(Settings.From(
            ("Silo:Host", "silo-1.internal"), ("Silo:Port", "1"), ("Silo:GatewayPort", "65535"), ("Silo:HttpPort", "9090")));

        Assert.Equal("silo-1.internal", settings.Host);
        Assert.Equal(1, settings.Port);
        Assert.Equal(65535, settings.GatewayPort);
        Assert.Equal(9090, settings.HttpPort);
    }

    [Theory]
    [InlineData("Silo:Port", "0")]
    [InlineData("Silo:Port", "70000")]
    [InlineData("Silo:Port", "-1")]
    [InlineData("Silo:GatewayPort", "0")]
    [InlineData("Silo:GatewayPort", "70000")]
    [InlineData("Silo:HttpPort", "0")]
    [InlineData("Silo:HttpPort", "70000")]
    [InlineData("Silo:Port", "eleven")]
    [InlineData("Silo:HttpPort", "80.5")]
    [InlineData("Silo:Host", "")]
    [InlineData("Silo:Host", " ")]
    public void A_bad_value_throws_one_line_naming_its_key(string key, string value)
    {
        var ex = Assert.Throws<OperatorConfigurationException>(() => SiloSettings.From(Settings.From((key, value))));

        OperatorMessages.AssertOneLineNaming(ex, key);
    }
}
