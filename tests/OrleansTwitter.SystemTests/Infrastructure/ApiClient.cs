using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// The HTTP API (API.md) of one web front end, as a user's client calls it. Every call returns
/// what it got, and with a <see cref="RequestLog"/> also records its duration and failure (an
/// unexpected status, a timeout, a refused connection); set-up code calls <see cref="ApiResult{T}.Value"/>,
/// which throws on failure.
/// </summary>
internal sealed class ApiClient(HttpClient http, RequestLog? log = null)
{
    public const string Password = "correct horse";

    public Uri BaseAddress => http.BaseAddress!;

    public async Task CreateAccountAsync(string handle)
    {
        var result = await SendAsync("POST /api/accounts", () => new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { handle, password = Password }),
        }, HttpStatusCode.Created, _ => true);
        _ = result.Value;
    }

    public async Task<string> SignInAsync(string handle)
    {
        var result = await SendAsync("POST /api/sessions", () => new HttpRequestMessage(HttpMethod.Post, "/api/sessions")
        {
            Content = JsonContent.Create(new { handle, password = Password }),
        }, HttpStatusCode.OK, body => body.GetProperty("accessToken").GetString()!);
        return result.Value;
    }

    public async Task FollowAsync(string token, string handle)
    {
        var result = await SendAsync("PUT /api/users/me/following", () => Authorized(HttpMethod.Put, $"/api/users/me/following/{handle}", token), HttpStatusCode.NoContent, _ => true);
        _ = result.Value;
    }

    /// <summary>Posts a tweet; returns its id. With <paramref name="idempotencyKey"/>, a repeat returns the first tweet.</summary>
    public Task<ApiResult<string>> PostAsync(string token, string text, string? idempotencyKey = null) =>
        SendAsync("POST /api/tweets", () =>
        {
            var request = Authorized(HttpMethod.Post, "/api/tweets", token);
            request.Content = JsonContent.Create(new { text });
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return request;
        }, HttpStatusCode.Created, body => body.GetProperty("id").GetString()!);

    /// <summary>One page of the home timeline: tweet ids, newest first, and the next page's cursor.</summary>
    public Task<ApiResult<Page>> HomeTimelineAsync(string token, int limit, string? before = null) =>
        SendAsync("GET /api/timeline", () => Authorized(HttpMethod.Get, $"/api/timeline?limit={limit}{Before(before)}", token), HttpStatusCode.OK, Page.From);

    /// <summary>One page of a user's own tweets.</summary>
    public Task<ApiResult<Page>> UserTweetsAsync(string handle, int limit, string? before = null) =>
        SendAsync("GET /api/users/{handle}/tweets", () => new HttpRequestMessage(HttpMethod.Get, $"/api/users/{handle}/tweets?limit={limit}{Before(before)}"), HttpStatusCode.OK, Page.From);

    /// <summary>A user's tweet count, from the profile.</summary>
    public Task<ApiResult<long>> TweetCountAsync(string handle) =>
        SendAsync("GET /api/users/{handle}", () => new HttpRequestMessage(HttpMethod.Get, $"/api/users/{handle}"), HttpStatusCode.OK, body => body.GetProperty("tweets").GetInt64());

    /// <summary>Every id of the home timeline, page by page, as listed (so a repeated entry shows twice).</summary>
    public Task<List<string>> WholeHomeTimelineAsync(string token) => AllPagesAsync(before => HomeTimelineAsync(token, 100, before));

    /// <summary>Every id of a user's own tweets, page by page, as listed.</summary>
    public Task<List<string>> AllUserTweetsAsync(string handle) => AllPagesAsync(before => UserTweetsAsync(handle, 100, before));

    private static async Task<List<string>> AllPagesAsync(Func<string?, Task<ApiResult<Page>>> read)
    {
        var ids = new List<string>();
        string? before = null;
        do
        {
            var page = (await read(before)).Value;
            ids.AddRange(page.Ids);
            before = page.Next;
        }
        while (before is not null);
        return ids;
    }

    private static string Before(string? before) => before is null ? string.Empty : $"&before={before}";

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<ApiResult<T>> SendAsync<T>(string operation, Func<HttpRequestMessage> create, HttpStatusCode expected, Func<JsonElement, T> read)
    {
        var started = log?.Now ?? TimeSpan.Zero;
        string? failure;
        T? value = default;
        try
        {
            using var request = create();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                value = read(text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
                failure = null;
            }
            else
            {
                failure = $"{operation} on {BaseAddress} answered {(int)response.StatusCode}: {Shorten(text)}";
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            failure = $"{operation} on {BaseAddress} failed: {exception.GetType().Name}: {exception.Message}";
        }

        log?.Add(new RequestRecord(operation, started, log.Now - started, failure));
        return new ApiResult<T>(value, failure);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
