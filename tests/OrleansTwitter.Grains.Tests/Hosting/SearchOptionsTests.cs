using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Grains.Tests.Hosting;

/// <summary>The <c>Search</c> section's rules: a bad trend window or index write delay stops a silo before it starts, naming the key.</summary>
public sealed class SearchOptionsTests
{
    [Fact]
    public void The_default_trend_window_is_an_hour()
    {
        Assert.Equal(TimeSpan.FromHours(1), new SearchOptions().TrendWindow);
    }

    [Fact]
    public void The_default_index_write_delay_is_10_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), new SearchOptions().IndexWriteDelay);
    }

    [Theory]
    [InlineData("Search:TrendWindow", "00:00:59", "Search:TrendWindow must be between 00:01:00 and 7.00:00:00; it is 00:00:59.")]
    [InlineData("Search:TrendWindow", "8.00:00:00", "Search:TrendWindow")]
    [InlineData("Search:TrendWindow", "-01:00:00", "Search:TrendWindow")]
    [InlineData("Search:IndexWriteDelay", "00:00:00", "Search:IndexWriteDelay must be between 00:00:00.1000000 and 00:10:00; it is 00:00:00.")]
    [InlineData("Search:IndexWriteDelay", "01:00:00", "Search:IndexWriteDelay")]
    public async Task An_invalid_search_setting_stops_the_silo_at_start_with_a_message_naming_the_key(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeTcpPort.Next(), FreeTcpPort.Next());
            new TimelineSiloConfigurator().Configure(silo);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
