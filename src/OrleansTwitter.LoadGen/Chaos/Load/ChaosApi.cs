using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>
/// The HTTP API (API.md) of one web front end, as the scenarios' users call it: no retries of
/// its own, so every failure the web front end lets through counts.
/// </summary>
internal sealed class ChaosApi : IDisposable
{
    public const string Password = "correct horse battery";

    /// <summary>Longer than any retry the web front end makes (10 s), so a slow answer counts as slow, not as failed.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    public ChaosApi(string name, Uri baseAddress)
    {
        Name = name;

        // An open-loop load keeps sending while the cluster stalls; the connections it opens then stay bounded.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    public string Name { get; }

    public Task<ApiReply> CreateAccountAsync(string handle) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/accounts") { Content = JsonContent.Create(new { handle, password = Password }) }, HttpStatusCode.Created);

    public Task<ApiReply> SignInAsync(string handle) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { handle, password = Password }) }, HttpStatusCode.OK);

    public Task<ApiReply> FollowAsync(string token, string handle) =>
        SendAsync(() => Authorized(HttpMethod.Put, $"/api/users/me/following/{handle}", token), HttpStatusCode.NoContent);

    /// <summary>Posts a tweet; with <paramref name="idempotencyKey"/>, a repeat returns the first tweet (API.md).</summary>
    public Task<ApiReply> PostAsync(string token, string text, string? idempotencyKey = null) => SendAsync(() =>
    {
        var request = Authorized(HttpMethod.Post, "/api/tweets", token);
        request.Content = JsonContent.Create(new { text });
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }, HttpStatusCode.Created);

    public Task<ApiReply> HomeTimelineAsync(string token, int limit, string? before = null) =>
        SendAsync(() => Authorized(HttpMethod.Get, $"/api/timeline?limit={limit}{Before(before)}", token), HttpStatusCode.OK);

    public Task<ApiReply> UserTweetsAsync(string handle, int limit, string? before = null) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/api/users/{handle}/tweets?limit={limit}{Before(before)}"), HttpStatusCode.OK);

    /// <summary>Every entry of a user's home timeline, page by page, as listed (a repeated entry shows twice); null with the failure when a page could not be read.</summary>
    public Task<(List<TimelineItem>? Items, string? Failure)> WholeHomeTimelineAsync(string token) => AllPagesAsync(before => HomeTimelineAsync(token, 100, before));

    /// <summary>Every tweet of a user's own timeline, as listed.</summary>
    public Task<(List<TimelineItem>? Items, string? Failure)> AllUserTweetsAsync(string handle) => AllPagesAsync(before => UserTweetsAsync(handle, 100, before));

    public void Dispose() => _http.Dispose();

    private static async Task<(List<TimelineItem>? Items, string? Failure)> AllPagesAsync(Func<string?, Task<ApiReply>> read)
    {
        var items = new List<TimelineItem>();
        string? before = null;
        do
        {
            var page = await read(before);
            if (!page.Ok)
            {
                return (null, page.Failure);
            }

            items.AddRange(page.Body.GetProperty("items").EnumerateArray().Select(t => new TimelineItem(t.GetProperty("id").GetString()!, t.GetProperty("text").GetString()!)));
            before = page.Body.GetProperty("next").GetString();
        }
        while (before is not null);
        return (items, null);
    }

    private static string Before(string? before) => before is null ? string.Empty : $"&before={before}";

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<ApiReply> SendAsync(Func<HttpRequestMessage> create, HttpStatusCode expected)
    {
        try
        {
            using var request = create();
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                return new ApiReply(default, $"{request.Method} {request.RequestUri} on {Name} answered {(int)response.StatusCode}: {(text.Length <= 200 ? text : text[..200])}");
            }

            return new ApiReply(text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ApiReply(default, $"request to {Name} failed: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
