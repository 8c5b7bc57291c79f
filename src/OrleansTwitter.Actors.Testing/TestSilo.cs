using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Testing;

/// <summary>
/// One silo in a generic host, in this process, with <c>Memory</c> storage as the default
/// provider unless the configuration replaces it. For tests of grains and of the runtime
/// inside a silo; the multi-silo cluster over TCP is <c>TestCluster</c>.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host)
    {
        _host = host;
        Silo = host.Services.GetRequiredService<Silo>();
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public Silo Silo { get; }

    public IClusterClient Client { get; }

    public IGrainFactory GrainFactory => Client;

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds and starts a silo.</summary>
    /// <param name="configure">Adds storage providers, options and services.</param>
    /// <param name="timeProvider">The silo's clock; the system clock when null.</param>
    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.UseActors(silo =>
        {
            silo.Services.AddMemoryGrainStorage(GrainStorageNames.Default);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>The graceful stop: every activation deactivates and writes changed state.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
