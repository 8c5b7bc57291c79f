using System.Net;
using System.Net.Sockets;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Testing.Processes;
using OrleansTwitter.Testing.Servers;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Web;

/// <summary>
/// The README's run command, <c>dotnet run --project src/OrleansTwitter.Web</c>: the web front
/// end with its defaults (a silo in the process, <c>File</c> storage under <c>./data</c> of the
/// working directory) run as a real process. Accounts, tweets and tokens survive a restart,
/// graceful or not.
/// </summary>
[Trait("Category", "System")]
public sealed class WebRunCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-web-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task Accounts_tweets_and_tokens_survive_a_graceful_restart_and_a_crash()
    {
        var port = FreeTcpPort.Next();
        string token;
        string firstId;
        await using (var web = await StartAsync(port))
        {
            var api = web.Api();
            await api.CreateAccountAsync("Alice");
            token = await api.SignInAsync("alice");
            firstId = (await api.PostAsync(token, "before the restart")).Value;

            web.Process.Terminate();
            Assert.Equal(0, await web.Process.WaitForExitAsync(StopTimeout));
            Assert.Empty(web.Process.ErrorLines);
        }

        Assert.True(Directory.Exists(Path.Combine(_workingDirectory, "data")), "File storage writes under ./data of the working directory.");
        string secondId;
        await using (var web = await StartAsync(port))
        {
            var api = web.Api();

            // The old token still works: the key ring that protects it is in the cluster's storage.
            Assert.Equal([firstId], (await api.HomeTimelineAsync(token, 20)).Value.Ids);
            Assert.Equal([firstId], await api.AllUserTweetsAsync("alice"));
            Assert.Equal(1, (await api.TweetCountAsync("ALICE")).Value);
            token = await api.SignInAsync("ALICE");
            secondId = (await api.PostAsync(token, "before the crash")).Value;

            web.Process.Kill();
            await web.Process.WaitForExitAsync(StopTimeout);
        }

        await using (var web = await StartAsync(port))
        {
            var api = web.Api();
            Assert.Equal(2, (await api.TweetCountAsync("alice")).Value);
            Assert.Equal([secondId, firstId], await api.AllUserTweetsAsync("alice"));
            Assert.Equal([secondId, firstId], (await api.HomeTimelineAsync(await api.SignInAsync("alice"), 20)).Value.Ids);
        }
    }

    [Fact]
    public async Task With_no_urls_it_listens_on_localhost_port_5000()
    {
        var free = IsFree(5000);
        await using var web = Programs.StartWeb("web", _workingDirectory, "--Storage:Provider=Memory");

        if (free)
        {
            await web.WaitForOutputAsync("Now listening on: http://localhost:5000", WebProcess.StartTimeout);
            await HostProcesses.WaitUntilReadyAsync(web, new Uri("http://localhost:5000"), WebProcess.StartTimeout);
            using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5000"), Timeout = TimeSpan.FromSeconds(10) };
            Assert.Contains("<title>OrleansTwitter</title>", await http.GetStringAsync("/"), StringComparison.Ordinal);
        }
        else
        {
            // Something else holds the port on this machine: the failed bind shows the default all the same.
            await web.WaitForExitAsync(WebProcess.StartTimeout);
            Assert.Contains("5000", web.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_cluster_mode_stops_it_at_start_with_exit_code_2_and_one_line_naming_the_key()
    {
        await using var web = Programs.StartWeb("web", _workingDirectory, $"--urls=http://127.0.0.1:{FreeTcpPort.Next()}", "--Cluster:Mode=Mesh");

        Assert.Equal(2, await web.WaitForExitAsync(WebProcess.StartTimeout));
        Assert.Contains("Cluster:Mode is 'Mesh'", Assert.Single(web.ErrorLines), StringComparison.Ordinal);
    }

    private async Task<WebProcess> StartAsync(int port)
    {
        var web = await WebProcess.StartAsync("web", _workingDirectory, port, output);
        output.WriteLine($"started the web front end on port {port}, pid {web.Process.Id}");
        return web;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
