using System.Net;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Silo;

/// <summary>The silo host run as a real process, as an operator runs it.</summary>
[Trait("Category", "System")]
public sealed class SiloProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-silo-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task The_silo_serves_health_on_its_http_port_and_stops_gracefully_on_SIGTERM()
    {
        var httpPort = FreeTcpPort.Next();
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory, $"--Silo:HttpPort={httpPort}");
        await silo.WaitForOutputAsync("Application started", StartTimeout);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        silo.Terminate();

        Assert.Equal(0, await silo.WaitForExitAsync(StopTimeout));
        Assert.Contains("Silo shutting down", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Silo stopped", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_serves_the_runtimes_metrics_in_the_Prometheus_text_format_on_its_http_port()
    {
        var httpPort = FreeTcpPort.Next();
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory, $"--Silo:HttpPort={httpPort}");
        await silo.WaitForOutputAsync("Application started", StartTimeout);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE orleanstwitter_actors_activations gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE orleanstwitter_actors_call_duration_milliseconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("orleanstwitter_actors_messages_received_total ", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_process_cpu_time_seconds_total{cpu_mode=\"user\"} ", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_thread_pool_thread_count gauge\n", text, StringComparison.Ordinal);
        silo.Terminate();
        Assert.Equal(0, await silo.WaitForExitAsync(StopTimeout));
    }

    [Fact]
    public async Task An_unsupported_storage_provider_stops_the_silo_at_start_with_a_message_naming_the_key()
    {
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory, $"--Silo:HttpPort={FreeTcpPort.Next()}", "--Storage:Provider=Floppy");

        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("Storage:Provider is 'Floppy'", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_Redis_stream_setting_stops_the_silo_at_start_with_a_message_naming_it()
    {
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory,
            $"--Silo:HttpPort={FreeTcpPort.Next()}", "--Streams:Provider=Redis", "--Streams:Redis:Partitions=0");

        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("Streams:Provider is Redis", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Partitions must be at least 1", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_port_stops_the_silo_at_start_with_a_message_naming_the_key()
    {
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory, "--Silo:HttpPort=70000");

        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("Silo:HttpPort must be a TCP port", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_settings_are_read_from_environment_variables()
    {
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = "Tape", ["Silo__HttpPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _workingDirectory, environment);

        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains("Storage:Provider is 'Tape'", silo.Output, StringComparison.Ordinal);
    }
}
