using System.Reflection;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// The web front end run as a real process (the built OrleansTwitter.Web.dll) on a free loopback
/// port, as the README's run command runs it; ready when <c>/health/ready</c> answers 200. A
/// failure to start shows its last lines.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;

    private WebAppProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string AssemblyPath => Metadata("WebAssemblyPath");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static async Task<WebAppProcess> StartAsync(string workingDirectory, params string[] arguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}");
        var process = HostProcesses.Start("the web app", AssemblyPath, workingDirectory, [$"--urls={baseAddress.ToString().TrimEnd('/')}", .. arguments]);
        try
        {
            await HostProcesses.WaitUntilReadyAsync(process, baseAddress, s_startTimeout);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new WebAppProcess(process, baseAddress);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Metadata(string key) => typeof(WebAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
