using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task UseActors_on_a_generic_host_serves_grains_through_the_injected_cluster_client()
    {
        using var host = Host.CreateDefaultBuilder()
            .UseActors((_, silo) => silo.Services.AddMemoryGrainStorage())
            .Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IClusterClient>();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(7, await client.GetGrain<IFaultyGrain>(Guid.NewGuid()).AddAsync(3, 4));
        Assert.Equal(9, await factory.GetGrain<IFaultyGrain>(Guid.NewGuid()).AddAsync(4, 5));
        Assert.Equal(SiloStatus.Active, host.Services.GetRequiredService<Silo>().Status);

        await host.StopAsync();
        Assert.Equal(SiloStatus.Dead, host.Services.GetRequiredService<Silo>().Status);
    }

    [Fact]
    public async Task An_invalid_response_timeout_fails_start_up_with_a_message_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActors(silo => silo.Services.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.Zero));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(MessagingOptions.ResponseTimeout), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_collection_age_fails_start_up_with_a_message_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActors(silo => silo.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromSeconds(-1)));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(GrainCollectionOptions.CollectionAge), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_defaults_are_the_documented_ones()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new MessagingOptions().ResponseTimeout);
        Assert.Equal(TimeSpan.FromMinutes(15), new GrainCollectionOptions().CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), new GrainCollectionOptions().CollectionQuantum);
    }

    [Fact]
    public async Task The_runtime_meter_reports_activations_and_messages()
    {
        var measurements = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorsInstruments.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measurements)
            {
                measurements[instrument.Name] = measurements.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        await using var silo = await TestSilo.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid()).AddAsync(i, i);
        }

        lock (measurements)
        {
            // Other tests run in parallel and share the static meter: at least ours were counted.
            Assert.True(measurements.GetValueOrDefault("orleanstwitter.actors.activations.created") >= 3);
            Assert.True(measurements.GetValueOrDefault("orleanstwitter.actors.messages.received") >= 3);
        }
    }
}
