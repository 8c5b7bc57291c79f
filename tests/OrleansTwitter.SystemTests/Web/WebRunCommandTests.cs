using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.SystemTests.Web;

/// <summary>
/// The README's run command, <c>dotnet run --project src/OrleansTwitter.Web</c>: the web front
/// end with its embedded defaults (a silo in the process, File storage under <c>./data</c>) run as
/// a real process. Data and tokens survive a restart, graceful or not.
/// </summary>
[Trait("Category", "System")]
public sealed class WebRunCommandTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-web-").FullName;

    private static string WebAssemblyPath => typeof(WebRunCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebAssemblyPath").Value!;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task Accounts_tweets_and_tokens_survive_a_graceful_restart_and_a_crash()
    {
        var port = FreeTcpPort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        string token;
        string firstId;
        await using (var web = await StartAsync(port))
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/accounts", new { handle = "Alice", password = "correct horse" })).StatusCode);
            token = await SignInAsync(http, "alice");
            firstId = await PostAsync(http, token, "before the restart");

            web.Terminate();
            Assert.Equal(0, await web.WaitForExitAsync(StopTimeout));
        }

        Assert.True(Directory.Exists(Path.Combine(_workingDirectory, "data")), "File storage writes under ./data of the working directory.");
        string secondId;
        await using (var web = await StartAsync(port))
        {
            // The old token still works: the key ring that protects it is in the cluster's storage.
            Assert.Equal(["before the restart"], await TimelineTextsAsync(http, token));
            token = await SignInAsync(http, "ALICE");
            Assert.Equal("before the restart", (await GetJsonAsync(http, $"/api/tweets/{firstId}")).GetProperty("text").GetString());
            secondId = await PostAsync(http, token, "before the crash");
            web.Kill();
            await web.WaitForExitAsync(StopTimeout);
        }

        await using (await StartAsync(port))
        {
            var user = await GetJsonAsync(http, "/api/users/alice");
            Assert.Equal("Alice", user.GetProperty("handle").GetString());
            Assert.Equal(2, user.GetProperty("tweets").GetInt64());
            Assert.Equal([secondId, firstId], (await GetJsonAsync(http, "/api/users/alice/tweets")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
            Assert.Equal(["before the crash", "before the restart"], await TimelineTextsAsync(http, await SignInAsync(http, "alice")));
        }
    }

    [Fact]
    public async Task With_no_urls_it_listens_on_localhost_port_5000()
    {
        var free = IsFree(5000);
        await using var web = HostProcess.Start(WebAssemblyPath, _workingDirectory, "--Storage:Provider=Memory");

        if (free)
        {
            await web.WaitForOutputAsync("Now listening on: http://localhost:5000", StartTimeout);
            using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5000"), Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            Assert.Contains("<title>OrleansTwitter</title>", await http.GetStringAsync("/"), StringComparison.Ordinal);
        }
        else
        {
            // Something else holds the port on this machine: the attempt to bind it shows the default all the same.
            await web.WaitForExitAsync(StartTimeout);
            Assert.Contains("5000", web.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_cluster_mode_stops_the_process_at_start_with_a_message_naming_the_key()
    {
        await using var web = HostProcess.Start(WebAssemblyPath, _workingDirectory, $"--urls=http://127.0.0.1:{FreeTcpPort.Next()}", "--Cluster:Mode=Mesh");

        Assert.Equal(2, await web.WaitForExitAsync(StartTimeout));
        Assert.Contains("Cluster:Mode is 'Mesh'", web.Output, StringComparison.Ordinal);
    }

    private async Task<HostProcess> StartAsync(int port)
    {
        var web = HostProcess.Start(WebAssemblyPath, _workingDirectory, string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        await web.WaitForOutputAsync("Application started", StartTimeout);
        return web;
    }

    private static async Task<string> SignInAsync(HttpClient http, string handle)
    {
        var response = await http.PostAsJsonAsync("/api/sessions", new { handle, password = "correct horse" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> PostAsync(HttpClient http, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tweets") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string[]> TimelineTextsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/timeline");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("text").GetString()!)];
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
