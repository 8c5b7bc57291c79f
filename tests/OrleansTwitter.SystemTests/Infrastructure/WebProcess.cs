using System.Globalization;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>The web front end (<c>OrleansTwitter.Web</c>) run as a real process on a free loopback port, and an HTTP client for it.</summary>
internal sealed class WebProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    private WebProcess(ChildProcess process, int port, ITestOutputHelper output)
    {
        _output = output;
        Process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = RequestTimeout };
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Starts the web front end with <c>--urls</c> on <paramref name="port"/> (a free one when
    /// null) and waits until it is ready; disposing it writes its last lines to <paramref name="output"/>.
    /// </summary>
    public static async Task<WebProcess> StartAsync(string name, string workingDirectory, int? port, ITestOutputHelper output, params string[] settings)
    {
        var chosen = port ?? FreeTcpPort.Next();
        var process = Programs.StartWeb(name, workingDirectory,
            [$"--urls=http://127.0.0.1:{chosen.ToString(CultureInfo.InvariantCulture)}", .. settings]);
        var web = new WebProcess(process, chosen, output);
        try
        {
            await HostProcesses.WaitUntilReadyAsync(process, web.Http.BaseAddress!, StartTimeout);
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }

        return web;
    }

    /// <summary>An API client of this front end; with <paramref name="log"/>, it records every request.</summary>
    public ApiClient Api(RequestLog? log = null) => new(Http, log);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        var end = Process.HasExited ? $"exit code {Process.ExitCode.ToString(CultureInfo.InvariantCulture)}" : "killed by the test's clean-up";
        await Process.DisposeAsync();
        _output.WriteLine($"----- {Process.Name} on port {Port.ToString(CultureInfo.InvariantCulture)}, {end}:{Environment.NewLine}{Process.Tail(80)}");
    }
}
