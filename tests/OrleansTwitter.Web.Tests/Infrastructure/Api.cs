using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>Calls and checks the tests share: sign-up, sign-in, JSON bodies and problem details.</summary>
internal static class Api
{
    public const string Password = "correct horse";

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string handle, string password = Password, string? displayName = null) =>
        client.PostAsJsonAsync("/api/accounts", new { handle, password, displayName });

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string handle, string password = Password) =>
        client.PostAsJsonAsync("/api/sessions", new { handle, password });

    /// <summary>Signs up a new user and returns its access token.</summary>
    public static async Task<string> NewUserAsync(WebApp app, string handle)
    {
        using var client = app.CreateClient();
        await ExpectAsync(HttpStatusCode.Created, await SignUpAsync(client, handle));
        return await TokenAsync(client, handle);
    }

    public static async Task<string> TokenAsync(HttpClient client, string handle)
    {
        var response = await SignInAsync(client, handle);
        await ExpectAsync(HttpStatusCode.OK, response);
        return (await JsonAsync(response)).GetProperty("accessToken").GetString()!;
    }

    public static Task<HttpResponseMessage> PostTweetAsync(HttpClient client, string text, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tweets") { Content = JsonContent.Create(new { text }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> PostTweetOkAsync(HttpClient client, string text)
    {
        var response = await PostTweetAsync(client, text);
        await ExpectAsync(HttpStatusCode.Created, response);
        return await JsonAsync(response);
    }

    public static async Task FollowAsync(HttpClient client, string handle) =>
        await ExpectAsync(HttpStatusCode.NoContent, await client.PutAsync($"/api/users/me/following/{handle}", null));

    public static HttpContent Raw(string body, string contentType = "application/json") =>
        new StringContent(body, Encoding.UTF8, contentType);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        await ExpectAsync(HttpStatusCode.OK, response);
        return await JsonAsync(response);
    }

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"Expected {(int)status} but got {(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/>, a title and the same status in the body; returns it.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        await ExpectAsync(status, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static string[] PropertyNames(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static string[] Texts(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("text").GetString()!)];
}
