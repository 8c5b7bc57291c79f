using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.SystemTests.Infrastructure;
using RedisServerFixture = OrleansTwitter.Actors.Redis.Tests.Infrastructure.RedisServerFixture;

namespace OrleansTwitter.SystemTests.Web;

/// <summary>
/// What users see of a rolling upgrade: the web front end in <c>Cluster:Mode=Client</c> on Redis
/// membership serves the HTTP API while each of three silo processes is replaced in turn.
/// </summary>
[Trait("Category", "System")]
public sealed class WebRollingUpgradeTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Users = 6;
    private const string Password = "correct horse";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadPerStep = TimeSpan.FromMilliseconds(500);

    private readonly RedisServerFixture _redis;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-web-rolling-").FullName;

    public WebRollingUpgradeTests(RedisServerFixture redis) => _redis = redis;

    private static string WebAssemblyPath => typeof(WebRollingUpgradeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebAssemblyPath").Value!;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_api_answers_every_request_while_each_silo_behind_it_is_replaced()
    {
        await using var cluster = new SiloProcessCluster(_redis.ConnectionString, _folder);
        await cluster.StartAsync(3);

        var port = FreeTcpPort.Next();
        await using var web = HostProcess.Start(WebAssemblyPath, _folder,
            $"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--Cluster:Mode=Client", "--Cluster:Membership=Redis",
            $"--Redis:ConnectionString={_redis.ConnectionString}", $"--Cluster:ClusterId={cluster.ClusterId}",
            // The test posts as fast as the cluster answers; the limiter is not what it checks.
            "--Web:PostRateLimit:PostsPerMinute=60000", "--Web:PostRateLimit:Burst=10000");
        await web.WaitForOutputAsync("Application started", StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };

        var handles = Enumerable.Range(0, Users).Select(i => $"webroller{i}").ToArray();
        var tokens = new string[Users];
        for (var i = 0; i < Users; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/accounts", new { handle = handles[i], password = Password })).StatusCode);
            tokens[i] = await SignInAsync(http, handles[i]);
        }

        using var load = new SteadyLoad(Users, (i, n) => PostAndReadBackAsync(http, handles[i], tokens[i], n));
        var outcome = await cluster.ReplaceEverySiloUnderAsync(load, LoadPerStep, StopTimeout);

        Assert.True(outcome.Failures.Count == 0, string.Join(Environment.NewLine, outcome.Failures));
        Assert.Empty(outcome.StalledOnNewSilos);
        var posted = outcome.Completed;
        for (var i = 0; i < Users; i++)
        {
            var stored = await TweetCountAsync(http, handles[i]);
            Assert.True(stored == posted[i], $"{handles[i]} has {stored} tweets stored after {posted[i]} acknowledged posts");
        }
    }

    /// <summary>
    /// Posts tweet number <paramref name="number"/>, then reads the profile and the home
    /// timeline, which must both show it. Returns what went wrong, or null.
    /// </summary>
    private static async Task<string?> PostAndReadBackAsync(HttpClient http, string handle, string token, int number)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/tweets") { Content = JsonContent.Create(new { text = $"tweet {number} of {handle}" }) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var posted = await http.SendAsync(post);
        if (posted.StatusCode != HttpStatusCode.Created)
        {
            return $"{handle}: POST /api/tweets answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}";
        }

        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var profile = await http.GetAsync($"/api/users/{handle}");
        if (profile.StatusCode != HttpStatusCode.OK)
        {
            return $"{handle}: GET /api/users/{handle} answered {(int)profile.StatusCode}: {await profile.Content.ReadAsStringAsync()}";
        }

        var tweets = (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tweets").GetInt64();
        if (tweets != number)
        {
            return $"{handle}: the profile counted {tweets} tweets after {number} acknowledged posts";
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/timeline?limit=1");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeline = await http.SendAsync(read);
        if (timeline.StatusCode != HttpStatusCode.OK)
        {
            return $"{handle}: GET /api/timeline answered {(int)timeline.StatusCode}: {await timeline.Content.ReadAsStringAsync()}";
        }

        var newest = (await timeline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).FirstOrDefault();
        return newest == id ? null : $"{handle}: the home timeline's newest entry is {newest ?? "none"}, not the tweet {id} just posted";
    }

    private static async Task<string> SignInAsync(HttpClient http, string handle)
    {
        var response = await http.PostAsJsonAsync("/api/sessions", new { handle, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<long> TweetCountAsync(HttpClient http, string handle)
    {
        var response = await http.GetAsync($"/api/users/{handle}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tweets").GetInt64();
    }
}
