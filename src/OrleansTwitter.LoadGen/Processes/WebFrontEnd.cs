using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// The web front end as an operator runs it beside a cluster (<c>dotnet OrleansTwitter.Web.dll</c>,
/// <c>Cluster:Mode=Client</c>, gateways from the Redis membership table), on a free loopback port.
/// </summary>
internal sealed class WebFrontEnd : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyPause = TimeSpan.FromMilliseconds(200);

    private WebFrontEnd(ChildProcess process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public static string WebAssemblyPath => typeof(WebFrontEnd).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebAssemblyPath").Value!;

    public ChildProcess Process { get; }

    /// <summary>The front end's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <param name="redis">The cluster's membership table.</param>
    /// <param name="clusterId">The cluster to join.</param>
    /// <param name="settings">More of the operator contract's keys (<c>Web:PostRateLimit:*</c> for the benchmark).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WebFrontEnd> StartAsync(RedisServer redis, string clusterId, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(WebAssemblyPath))
        {
            throw new FileNotFoundException($"Build the web front end in this configuration first: {WebAssemblyPath} does not exist.", WebAssemblyPath);
        }

        var address = new Uri($"http://127.0.0.1:{FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(WebAssemblyPath)! };
        start.ArgumentList.Add(WebAssemblyPath);
        start.ArgumentList.Add($"--urls={address.GetLeftPart(UriPartial.Authority)}");
        foreach (var (key, value) in new Dictionary<string, string>(settings)
        {
            ["Cluster:Mode"] = "Client",
            ["Cluster:Membership"] = "Redis",
            ["Cluster:ClusterId"] = clusterId,
            ["Redis:ConnectionString"] = redis.ConnectionString,
        })
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = ChildProcess.Start("web front end", start);
        try
        {
            await WaitUntilReadyAsync(process, address, cancellationToken);
            return new WebFrontEnd(process, address);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    // Ready once /health/ready answers 200: the front end's cluster client is connected.
    private static async Task WaitUntilReadyAsync(ChildProcess process, Uri address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        string last = "no answer yet";
        try
        {
            while (true)
            {
                if (process.Exited.IsCompleted)
                {
                    throw new InvalidOperationException($"The web front end exited with code {process.Exited.Result} before it was ready. Its last output:{Environment.NewLine}{process.Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    last = $"HTTP {(int)response.StatusCode}";
                }
                catch (HttpRequestException exception)
                {
                    // Not listening yet: the wait goes on, bounded by the deadline.
                    last = exception.Message;
                }

                await Task.Delay(ReadyPause, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The web front end at {address} was not ready within {StartTimeout.TotalSeconds:0} s (last: {last}). Its last output:{Environment.NewLine}{process.Output}");
        }
    }
}
