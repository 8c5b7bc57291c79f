using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Grains.Tests.Hosting;

/// <summary>
/// The <c>Timeline</c> section's rules. Binding from configuration into running silos is proven on
/// a cluster (<see cref="Users.ConfiguredTimelineTests"/>); a bad value must stop a silo before it starts.
/// </summary>
public sealed class TimelineOptionsTests
{
    [Fact]
    public void The_default_hysteresis_is_a_tenth_of_the_threshold_and_at_least_one()
    {
        Assert.Equal(1_000, new TimelineOptions().EffectiveCelebrityHysteresis);
        Assert.Equal(1, new TimelineOptions { CelebrityThreshold = 3 }.EffectiveCelebrityHysteresis);
        Assert.Equal(0, new TimelineOptions { CelebrityThreshold = 3, CelebrityHysteresis = 0 }.EffectiveCelebrityHysteresis);

        var options = new TimelineOptions { CelebrityThreshold = 100 };
        Assert.True(options.IsCelebrity(wasCelebrity: false, followers: 100));
        Assert.False(options.IsCelebrity(wasCelebrity: false, followers: 99));
        Assert.True(options.IsCelebrity(wasCelebrity: true, followers: 90));
        Assert.False(options.IsCelebrity(wasCelebrity: true, followers: 89));
    }

    [Theory]
    [InlineData("Timeline:Capacity", "0", "Timeline:Capacity must be between 1 and 10000; it is 0.")]
    [InlineData("Timeline:Capacity", "10001", "Timeline:Capacity")]
    [InlineData("Timeline:CelebrityThreshold", "0", "Timeline:CelebrityThreshold must be at least 1; it is 0.")]
    [InlineData("Timeline:CelebrityHysteresis", "10000", "Timeline:CelebrityHysteresis")]
    [InlineData("Timeline:CelebrityCacheDuration", "00:00:00", "Timeline:CelebrityCacheDuration")]
    [InlineData("Timeline:CelebrityCacheDuration", "00:01:01", "Timeline:CelebrityCacheDuration")]
    [InlineData("Timeline:PullPerFollowee", "0", "Timeline:PullPerFollowee")]
    [InlineData("Timeline:NodeId", "1024", "Timeline:NodeId must be between 0 and 1023; it is 1024.")]
    public async Task An_invalid_value_stops_the_silo_at_start_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var host = BuildSilo(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    // A real Orleans silo host, set up as the test clusters' silos are, with the settings as its configuration.
    private static IHost BuildSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeTcpPort.Next(), FreeTcpPort.Next());
            new TimelineSiloConfigurator().Configure(silo);
        });
        return builder.Build();
    }
}
