using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansTwitter.LoadGen.Processes;
using OrleansTwitter.LoadGen.Targets.Cluster;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Http;

/// <summary>
/// Our web API (API.md) through keep-alive connections with authenticated users: a web front
/// end process in <c>Cluster:Mode=Client</c> on the silos of the cluster target. A read is
/// <c>GET /api/timeline?limit=50</c>, a post <c>POST /api/tweets</c>, each with the user's
/// bearer token. The graph is the cluster target's when it ran first on the same silos; else
/// this target loads it through the Orleans client the same way.
/// </summary>
internal sealed class HttpTarget : ITimelineTarget
{
    private readonly SiloSession _session;
    private readonly WebFrontEnd _web;
    private readonly HttpClient _http;
    private readonly int _calibrationUsers;
    private string?[] _tokens = [];

    private HttpTarget(SiloSession session, WebFrontEnd web, HttpClient http, int calibrationUsers)
    {
        _session = session;
        _web = web;
        _http = http;
        _calibrationUsers = calibrationUsers;
    }

    public TargetKind Kind => TargetKind.Http;

    /// <param name="session">The silos, shared with the cluster target.</param>
    /// <param name="concurrency">The mix's callers: one keep-alive connection each.</param>
    /// <param name="calibrationUsers">Users the memory measurement gives a full timeline.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<HttpTarget> StartAsync(SiloSession session, int concurrency, int calibrationUsers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var web = await WebFrontEnd.StartAsync(session.Redis, session.Cluster.ClusterId, new Dictionary<string, string>
        {
            // A user may post 30 times a minute by default; the mix posts as fast as the system
            // lets it, and the benchmark measures the timeline, not the rate limiter: the
            // largest values the front end accepts (1,000 posts a second per user).
            ["Web:PostRateLimit:PostsPerMinute"] = "60000",
            ["Web:PostRateLimit:Burst"] = "10000",
        }, cancellationToken);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        return new HttpTarget(session, web, new HttpClient(handler) { BaseAddress = web.Address, Timeout = TimeSpan.FromSeconds(30) }, calibrationUsers);
    }

    public async Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        if (!_session.GraphLoaded)
        {
            await ClusterLoader.LoadAsync(_session.Grains, workload, progress, cancellationToken);
            _session.GraphLoaded = true;
        }

        _tokens = await HttpAccounts.SignInAsync(_http, _session.Grains, workload, progress, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "api/timeline?limit=50", user);
        using var response = await _http.SendAsync(request, cancellationToken);
        await HttpAccounts.EnsureAsync(response, "GET /api/timeline", cancellationToken);
        var page = await response.Content.ReadFromJsonAsync<HttpPage>(cancellationToken)
            ?? throw new InvalidOperationException("GET /api/timeline answered no page.");
        var entries = new TimelineEntry[page.Items.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var item = page.Items[i];
            entries[i] = new TimelineEntry(UserHandles.WorkloadTweetId(item.Text), UserHandles.UserOf(item.Author), item.Text);
        }

        return entries;
    }

    public async Task PostAsync(Tweet tweet, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "api/tweets", tweet.Author);
        request.Content = JsonContent.Create(new { text = tweet.Body });
        using var response = await _http.SendAsync(request, cancellationToken);
        await HttpAccounts.EnsureAsync(response, "POST /api/tweets", cancellationToken);
    }

    public Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>([.. _session.SiloProcessIds, _web.Process.Process.Id]);

    /// <summary>The silos' memory per active user, measured as for the cluster target (<see cref="ClusterMemory"/>): the web front end keeps nothing per user.</summary>
    public async Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken) =>
        await ClusterMemory.PerActiveUserAsync(_session.Grains, "hcal", _calibrationUsers, workload, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _web.DisposeAsync();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, int user)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]
            ?? throw new InvalidOperationException($"User {user} is not active: only active users have signed in."));
        return request;
    }
}
