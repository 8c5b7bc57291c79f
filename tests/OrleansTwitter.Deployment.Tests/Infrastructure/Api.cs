using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTwitter.Deployment.Tests.Infrastructure;

/// <summary>The few calls of the HTTP API (../shared/API.md) the deployment tests make through a web front end, each checking its status.</summary>
internal sealed class Api(HttpClient http)
{
    private const string Password = "deployment-tests-password";

    /// <summary>Creates the account and signs in; the access token.</summary>
    public async Task<string> SignUpAsync(string handle)
    {
        await SendAsync(HttpMethod.Post, "/api/accounts", null, new { handle, password = Password }, HttpStatusCode.Created);
        var session = await SendAsync(HttpMethod.Post, "/api/sessions", null, new { handle, password = Password }, HttpStatusCode.OK);
        return session.GetProperty("accessToken").GetString()!;
    }

    public Task FollowAsync(string token, string handle) =>
        SendAsync(HttpMethod.Put, $"/api/users/me/following/{handle}", token, null, HttpStatusCode.NoContent);

    /// <summary>Posts a tweet; its id.</summary>
    public async Task<string> PostAsync(string token, string text) =>
        (await SendAsync(HttpMethod.Post, "/api/tweets", token, new { text }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>The ids on the first page of the home timeline.</summary>
    public async Task<List<string>> HomeTimelineAsync(string token) =>
        [.. (await SendAsync(HttpMethod.Get, "/api/timeline?limit=50", token, null, HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
