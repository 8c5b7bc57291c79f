using System.Globalization;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// The image's entrypoint run for real against the built silo: it starts the program the system
/// tests run, its health check follows the program, and SIGTERM reaches the program (exec), which
/// exits 0 after its graceful shutdown.
/// </summary>
public sealed class EntrypointTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly ImageLayout _image = new();

    [Fact]
    public async Task The_silo_role_runs_the_silo_which_the_health_check_sees_and_SIGTERM_stops_with_exit_code_0()
    {
        var httpPort = FreeTcpPort.Next();
        var environment = _image.Container("silo", new Dictionary<string, string>
        {
            ["Silo__Host"] = "127.0.0.1",
            ["Silo__Port"] = Invariant(FreeTcpPort.Next()),
            ["Silo__GatewayPort"] = Invariant(FreeTcpPort.Next()),
            ["Silo__HttpPort"] = Invariant(httpPort),
            ["Storage__Provider"] = "Memory",
        });

        var (before, beforeOutput) = await _image.HealthAsync(environment);
        Assert.True(before != 0, $"the health check passed with no program running: {beforeOutput}");

        await using var silo = _image.Start("silo", "silo", environment);
        await HostProcesses.WaitUntilReadyAsync(silo, new Uri($"http://127.0.0.1:{Invariant(httpPort)}/"), StartTimeout);
        var (running, runningOutput) = await _image.HealthAsync(environment);
        Assert.True(running == 0, $"the health check failed while the silo was ready (exit {running}): {runningOutput}");

        // The entrypoint exec'd dotnet, so the process the container runs is the silo itself.
        silo.Terminate();
        Assert.Equal(0, await silo.WaitForExitAsync(StopTimeout));
        Assert.Contains(silo.Lines, l => l.Contains("Orleans Silo stopped", StringComparison.Ordinal));
        var (after, afterOutput) = await _image.HealthAsync(environment);
        Assert.True(after != 0, $"the health check passed after the silo stopped: {afterOutput}");
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_exit_code_2()
    {
        await using var unknown = _image.Start("worker", "unknown role", _image.Container("unknown", new Dictionary<string, string>()));
        Assert.Equal(2, await unknown.WaitForExitAsync(StopTimeout));
        Assert.Contains(unknown.ErrorLines, l => l.StartsWith("usage: entrypoint.sh silo|web", StringComparison.Ordinal));
    }

    public void Dispose() => _image.Dispose();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
