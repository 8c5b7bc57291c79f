using System.Net;
using System.Reflection;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// The web front end run as a real process (the built OrleansTwitter.Web.dll) on a free loopback
/// port, as the README's run command runs it; ready when <c>/health/ready</c> answers 200.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly HostProcess _host;

    private WebAppProcess(HostProcess host, Uri baseAddress)
    {
        _host = host;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => _host.Output;

    public static string AssemblyPath => Metadata("WebAssemblyPath");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static async Task<WebAppProcess> StartAsync(string workingDirectory, params string[] arguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}");
        var host = HostProcess.Start(AssemblyPath, workingDirectory, [$"--urls={baseAddress.ToString().TrimEnd('/')}", .. arguments]);
        var app = new WebAppProcess(host, baseAddress);
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>SIGTERM: a graceful stop.</summary>
    public void Terminate() => _host.Terminate();

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _host.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_host.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with {_host.ExitCode} while starting. Output:{Environment.NewLine}{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The web app was not ready within {s_startTimeout}. Output:{Environment.NewLine}{Output}");
    }

    private static string Metadata(string key) => typeof(WebAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
