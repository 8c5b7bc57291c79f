using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Tests.Hosting;

public sealed class TimelineOptionsTests
{
    private static IHost Build(Dictionary<string, string?> settings, bool streamsFromConfiguration = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseActors(silo =>
        {
            silo.Services.AddMemoryGrainStorage(GrainStorageNames.Default);
            silo.AddTimeline();
            if (streamsFromConfiguration)
            {
                silo.AddStreamsFromConfiguration();
            }
            else
            {
                silo.AddMemoryStreams();
            }
        });
        return builder.Build();
    }

    [Fact]
    public async Task Capacity_and_threshold_bind_from_the_Timeline_section()
    {
        using var host = Build(new()
        {
            ["Timeline:Capacity"] = "5",
            ["Timeline:CelebrityThreshold"] = "40",
            ["Timeline:CelebrityCacheDuration"] = "00:00:05",
            ["Timeline:NodeId"] = "77",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<TimelineOptions>>().Value;

        Assert.Equal((5, 40, 4, TimeSpan.FromSeconds(5), 77), (options.Capacity, options.CelebrityThreshold, options.EffectiveCelebrityHysteresis, options.CelebrityCacheDuration, options.NodeId));
        Assert.Equal(77, host.Services.GetRequiredService<Grains.Tweets.TweetIdGenerator>().NodeId);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_configured_capacity_bounds_the_home_timeline()
    {
        using var host = Build(new() { ["Timeline:Capacity"] = "5" });
        await host.StartAsync();
        var user = host.Services.GetRequiredService<Actors.Core.IGrainFactory>().GetGrain<Contracts.IUserGrain>("optcap");
        await user.RegisterAsync("optcap", null);
        for (var i = 0; i < 7; i++)
        {
            await user.PostAsync($"post {i}", null);
        }

        var page = await user.GetHomeTimelineAsync(100, null);

        Assert.Equal(["post 6", "post 5", "post 4", "post 3", "post 2"], page.Items.Select(t => t.Text));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Timeline:Capacity", "0", "Timeline:Capacity must be between 1 and 10000; it is 0.")]
    [InlineData("Timeline:Capacity", "10001", "Timeline:Capacity")]
    [InlineData("Timeline:CelebrityThreshold", "0", "Timeline:CelebrityThreshold must be at least 1; it is 0.")]
    [InlineData("Timeline:CelebrityHysteresis", "10000", "Timeline:CelebrityHysteresis")]
    [InlineData("Timeline:CelebrityCacheDuration", "00:00:00", "Timeline:CelebrityCacheDuration")]
    [InlineData("Timeline:PullPerFollowee", "0", "Timeline:PullPerFollowee")]
    [InlineData("Timeline:NodeId", "1024", "Timeline:NodeId must be between 0 and 1023; it is 1024.")]
    public async Task An_invalid_value_stops_the_silo_at_start_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_stream_provider_fails_with_a_message_naming_Streams_Provider()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Streams:Provider"] = "Kafka" }, streamsFromConfiguration: true));

        Assert.Contains("Streams:Provider is 'Kafka'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_Provider_Memory_is_the_default()
    {
        using var host = Build([], streamsFromConfiguration: true);
        await host.StartAsync();

        Assert.NotNull(host.Services.GetKeyedService<IStreamProvider>(StreamProviderNames.Default));
        await host.StopAsync();
    }

    [Fact]
    public void Streams_Provider_Redis_registers_the_durable_provider_without_contacting_Redis()
    {
        // Nothing listens on the port: the provider connects on first use, not when registered.
        using var host = Build(new()
        {
            ["Streams:Provider"] = "Redis",
            ["Redis:ConnectionString"] = "127.0.0.1:1",
            ["Streams:Redis:Partitions"] = "3",
        }, streamsFromConfiguration: true);

        var provider = host.Services.GetRequiredKeyedService<IStreamProvider>(StreamProviderNames.Default);

        Assert.IsAssignableFrom<IDurableStreamProvider>(provider);
    }

    [Theory]
    [InlineData("Streams:Redis:Partitions", "0", "Partitions must be at least 1")]
    [InlineData("Streams:Redis:BatchSize", "100000", "BatchSize must be at most 4096")]
    [InlineData("Redis:ConnectionString", "", "ConnectionString (Redis:ConnectionString) must not be empty")]
    public void Invalid_Redis_stream_settings_fail_naming_the_setting(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Streams:Provider"] = "Redis", [key] = value }, streamsFromConfiguration: true));

        Assert.Contains("Streams:Provider is Redis", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
