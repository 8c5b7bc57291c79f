using System.Globalization;
using OrleansTwitter.Deployment.Tests.Docker;
using OrleansTwitter.Deployment.Tests.Tracing;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Deployment.Tests.Infrastructure;

/// <summary>
/// A silo and a web front end in Client mode, each started through the image's entrypoint
/// (docker/entrypoint.sh, on the builds the system tests run), configured through environment
/// variables as k8s/ configures the pods, and exporting traces over OTLP/HTTP to an
/// <see cref="OtlpReceiver"/>. The silo runs on localhost clustering and Memory storage: what is
/// under test is what the processes export, not the cluster's servers.
/// </summary>
public sealed class ImageHostsFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ImageLayout _image = new();

    internal OtlpReceiver Receiver { get; private set; } = null!;

    internal ChildProcess Silo { get; private set; } = null!;

    internal ChildProcess Web { get; private set; } = null!;

    internal Dictionary<string, string> WebEnvironment { get; private set; } = null!;

    internal HttpClient SiloHttp { get; private set; } = null!;

    internal HttpClient WebHttp { get; private set; } = null!;

    internal ImageLayout Image => _image;

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        var tracing = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export every 200 ms instead of every 5 s, so a test waits less for its spans.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };

        var (siloPort, gatewayPort, siloHttpPort, webPort) = DistinctFreePorts();
        Silo = _image.Start("silo", "silo", _image.Container("silo", new Dictionary<string, string>(tracing)
        {
            ["Silo__Host"] = "127.0.0.1",
            ["Silo__Port"] = Invariant(siloPort),
            ["Silo__GatewayPort"] = Invariant(gatewayPort),
            ["Silo__HttpPort"] = Invariant(siloHttpPort),
            ["Storage__Provider"] = "Memory",
        }));
        SiloHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(siloHttpPort)}/"), Timeout = TimeSpan.FromSeconds(30) };
        await HostProcesses.WaitUntilReadyAsync(Silo, SiloHttp.BaseAddress, StartTimeout);

        WebEnvironment = _image.Container("web", new Dictionary<string, string>(tracing)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Invariant(webPort)}",
            ["Cluster__Mode"] = "Client",
            ["Cluster__Gateways"] = $"127.0.0.1:{Invariant(gatewayPort)}",
        });
        Web = _image.Start("web", "web", WebEnvironment);
        WebHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(webPort)}/"), Timeout = TimeSpan.FromSeconds(30) };
        await HostProcesses.WaitUntilReadyAsync(Web, WebHttp.BaseAddress, StartTimeout);
    }

    public async Task DisposeAsync()
    {
        WebHttp?.Dispose();
        SiloHttp?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        _image.Dispose();
    }

    /// <summary>Four free ports, none picked twice (each pick is random and checked only against listeners).</summary>
    private static (int, int, int, int) DistinctFreePorts()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 4)
        {
            ports.Add(FreeTcpPort.Next());
        }

        var picked = ports.ToArray();
        return (picked[0], picked[1], picked[2], picked[3]);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
