using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// A user made and driven through the HTTP API, to set a scene quickly (many tweets, many
/// followers) that the page then shows. Every call must succeed.
/// </summary>
public sealed class ApiUser : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly HttpClient _http;

    private ApiUser(HttpClient http, string handle)
    {
        _http = http;
        Handle = handle;
    }

    public string Handle { get; }

    /// <summary>Signs up <paramref name="handle"/> (unless <paramref name="exists"/>) and signs in.</summary>
    public static async Task<ApiUser> CreateAsync(Uri baseAddress, string handle, string? displayName = null, bool exists = false)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            if (!exists)
            {
                await Ok(await http.PostAsJsonAsync("/api/accounts", new { handle, password = Password, displayName }), $"sign up {handle}");
            }

            var session = await Ok(await http.PostAsJsonAsync("/api/sessions", new { handle, password = Password }), $"sign in {handle}");
            var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new ApiUser(http, handle);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task PostAsync(string text) =>
        await Ok(await _http.PostAsJsonAsync("/api/tweets", new { text }), $"{Handle} posts '{text}'");

    public async Task FollowAsync(string handle) =>
        await Ok(await _http.PutAsync($"/api/users/me/following/{handle}", content: null), $"{Handle} follows {handle}");

    /// <summary>A GET of the API as this user, which must succeed.</summary>
    public async Task<JsonElement> GetAsync(string path) =>
        await (await Ok(await _http.GetAsync(path), $"{Handle} reads {path}")).Content.ReadFromJsonAsync<JsonElement>();

    public void Dispose() => _http.Dispose();

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
