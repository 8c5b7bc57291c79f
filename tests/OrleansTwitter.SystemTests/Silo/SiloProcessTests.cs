using System.Globalization;
using System.Net;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Silo;

/// <summary>The silo host run as a real process, as an operator runs it: its HTTP port, its graceful stop, and its refusals to start.</summary>
[Trait("Category", "System")]
public sealed class SiloProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    // A bad value is found before anything connects; an unreachable server within the probes' 5 s (Redis) or 10 s (storage).
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(30);

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-silo-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task With_defaults_on_given_ports_it_serves_health_metrics_and_the_dashboard_and_exits_0_on_SIGTERM()
    {
        var ports = SiloPorts.Free();
        await using var silo = Programs.StartSilo("silo", _workingDirectory, ports.Arguments);
        using var http = new HttpClient { BaseAddress = ports.HttpAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            // From the first moment: ready is never 200 before the silo is active, and never anything but 503 on the way.
            var starting = await ReadinessUntilAsync(http, silo, HttpStatusCode.OK, StartTimeout);
            output.WriteLine($"/health/ready while starting: {string.Join(", ", starting)}");
            Assert.All(starting.SkipLast(1), s => Assert.True(s is "refused" or "503", $"/health/ready answered {s} before the silo was ready"));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

            // Some traffic through the silo's gateway, so that our meters have something to show.
            await using (var client = await ClusterClientHost.StartAsync(ports.GatewayPort))
            {
                var user = client.Client.GetGrain<IUserGrain>("metered");
                Assert.True(await user.RegisterAsync("metered", null));
                for (var i = 0; i < 3; i++)
                {
                    await user.PostAsync($"tweet {i}", null);
                }

                Assert.Equal(3, (await user.GetHomeTimelineAsync(TimelineLimits.DefaultPageSize, null)).Items.Count);
            }

            // The default File storage writes under ./data of the working directory.
            Assert.True(Directory.Exists(Path.Combine(_workingDirectory, "data")), "no ./data folder in the silo's working directory");

            string metrics = string.Empty;
            await Eventually.MeetsAsync(async () =>
            {
                using var response = await http.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                metrics = await response.Content.ReadAsStringAsync();
                var lines = metrics.Split('\n');
                return lines.Any(l => l.StartsWith("orleans_", StringComparison.Ordinal)) && lines.Any(l => l.StartsWith("orleanstwitter_timeline_tweets_posted", StringComparison.Ordinal))
                    ? null
                    : $"{lines.Length} lines, {lines.Count(l => l.StartsWith("orleans_", StringComparison.Ordinal))} orleans_, {lines.Count(l => l.StartsWith("orleanstwitter_", StringComparison.Ordinal))} orleanstwitter_";
            }, TimeSpan.FromSeconds(15), "/metrics to show Orleans' meters and ours", Eventually.SlowPoll);
            Assert.Contains("# TYPE orleanstwitter_timeline_tweets_posted_total counter", metrics, StringComparison.Ordinal);

            using var dashboard = await http.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            silo.Terminate();
            var stopping = await ReadinessUntilAsync(http, silo, expected: null, StopTimeout);
            output.WriteLine($"/health/ready after SIGTERM: {string.Join(", ", stopping)}");
            Assert.All(stopping, s => Assert.True(s is "refused" or "503" or "200", $"/health/ready answered {s} while stopping"));

            // The HTTP port outlives the silo's shutdown, so a probe sees it not ready before the port closes.
            Assert.Contains("503", stopping);
            Assert.True(stopping.IndexOf("503") < Math.Max(stopping.IndexOf("refused"), stopping.Count), $"/health/ready after SIGTERM: {string.Join(", ", stopping)}");
            Assert.Equal(0, await silo.WaitForExitAsync(StopTimeout));
            Assert.Contains("Orleans Silo stopped", silo.Output, StringComparison.Ordinal);
            Assert.Empty(silo.ErrorLines);
        }
        finally
        {
            output.WriteLine(silo.Tail(60));
        }
    }

    [Theory]
    [InlineData("Storage:Provider", "--Storage:Provider=Floppy")]
    [InlineData("Streams:Provider", "--Streams:Provider=Kafka")]
    [InlineData("Cluster:Membership", "--Cluster:Membership=Zookeeper")]
    [InlineData("Storage:ConnectionString", "--Storage:Provider=AzureBlob", "--Storage:ConnectionString=DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=hunter2-not-base64!")]
    [InlineData("Silo:HttpPort", "--Silo:HttpPort=70000")]
    public async Task A_bad_setting_stops_it_at_start_with_exit_code_2_and_one_line_naming_the_key(string key, params string[] settings)
    {
        await using var silo = Programs.StartSilo("silo", _workingDirectory, [.. SiloPorts.Free().Arguments, .. settings]);

        Assert.Equal(2, await silo.WaitForExitAsync(RefusalTimeout));
        var line = Assert.Single(silo.ErrorLines);
        output.WriteLine(line);
        Assert.StartsWith("OrleansTwitter.Silo: invalid configuration: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_read_from_environment_variables_too()
    {
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = "Tape" };
        await using var silo = Programs.StartSilo("silo", _workingDirectory, environment, SiloPorts.Free().Arguments);

        Assert.Equal(2, await silo.WaitForExitAsync(RefusalTimeout));
        Assert.Contains("Storage:Provider is 'Tape'", Assert.Single(silo.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Redis")]
    [InlineData("AzureBlob")]
    public async Task An_unreachable_server_stops_it_at_start_with_exit_code_3_and_one_line_naming_the_key(string server)
    {
        // Nobody listens on a free port; the silo's probe gets its connection refused.
        var closed = FreeTcpPort.Next();
        var (key, settings) = server == "Redis"
            ? ("Redis:ConnectionString", new[] { "--Cluster:Membership=Redis", $"--Redis:ConnectionString=127.0.0.1:{Invariant(closed)}" })
            : ("Storage:ConnectionString", ["--Storage:Provider=AzureBlob", $"--Storage:ConnectionString={AzuriteProcess.ConnectionStringFor(closed, FreeTcpPort.Next())}"]);
        await using var silo = Programs.StartSilo("silo", _workingDirectory, [.. SiloPorts.Free().Arguments, .. settings]);

        Assert.Equal(3, await silo.WaitForExitAsync(RefusalTimeout));
        var line = Assert.Single(silo.ErrorLines);
        output.WriteLine(line);
        Assert.StartsWith("OrleansTwitter.Silo: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{Invariant(closed)}", line, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, silo.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Polls <c>/health/ready</c> every 50 ms until it answers <paramref name="expected"/> (or,
    /// when null, until the port closes or the process exits); returns what it saw, in order,
    /// with repeats collapsed: "refused", or the status code.
    /// </summary>
    private static async Task<List<string>> ReadinessUntilAsync(HttpClient http, ChildProcess silo, HttpStatusCode? expected, TimeSpan timeout)
    {
        var seen = new List<string>();
        await Eventually.MeetsAsync(async () =>
        {
            string status;
            bool reached;
            try
            {
                using var response = await http.GetAsync("/health/ready");
                status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                reached = response.StatusCode == expected;
            }
            catch (HttpRequestException)
            {
                status = "refused";
                reached = expected is null;
            }

            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            if (!reached && silo.HasExited)
            {
                Assert.True(expected is null, $"The silo exited with code {silo.ExitCode} while /health/ready showed {string.Join(", ", seen)}. Its output:{Environment.NewLine}{silo.Output}");
                reached = true;
            }

            return reached ? null : string.Join(", ", seen);
        }, timeout, $"/health/ready to reach {expected?.ToString() ?? "closed"}", TimeSpan.FromMilliseconds(50));
        return seen;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
