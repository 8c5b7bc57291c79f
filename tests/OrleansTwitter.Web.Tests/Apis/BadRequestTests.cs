using System.Net;
using System.Text;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>Bad input of every kind is a 4xx problem: never a 500, never an empty body.</summary>
public sealed class BadRequestTests(WebApp app) : IClassFixture<WebApp>
{
    // Every endpoint that takes a JSON body, with a token where it needs one.
    public static TheoryData<string> BodyEndpoints => ["/api/accounts", "/api/sessions", "/api/tweets"];

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Malformed_or_wrongly_shaped_JSON_is_400(string path)
    {
        using var client = await SignedInClientAsync();
        foreach (var body in new[] { "{", "{\"handle\":", "not json", "[1,2,3]", "\"a string\"", "42", "null", "{\"handle\":5,\"password\":true,\"text\":{}}", "{\"text\":[\"a\"]}", new string('[', 100) + new string(']', 100) })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsync(path, Raw(body)));
        }
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task An_empty_body_is_400(string path)
    {
        using var client = await SignedInClientAsync();

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsync(path, Raw(string.Empty)));

        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_body_that_is_not_JSON_by_content_type_is_415(string path)
    {
        using var client = await SignedInClientAsync();

        await ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, await client.PostAsync(path, Raw("{\"text\":\"hi\"}", "text/plain")));
        await ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, await client.PostAsync(path, new FormUrlEncodedContent([new("text", "hi")])));
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_body_over_16_KB_is_413_with_or_without_a_length(string path)
    {
        using var client = await SignedInClientAsync();
        var big = $"{{\"text\":\"{new string('a', 17 * 1024)}\"}}";

        await ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, await client.PostAsync(path, Raw(big)));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, await client.SendAsync(request));
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        using var client = await SignedInClientAsync();
        var body = $"{{\"text\":\"fits\",\"padding\":\"{new string(' ', 16 * 1024 - 40)}\"}}";

        await ExpectAsync(HttpStatusCode.Created, await client.PostAsync("/api/tweets", Raw(body)));
    }

    [Fact]
    public async Task Unknown_addresses_are_404_and_unsupported_methods_405_as_problems()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.NotFound, await client.GetAsync("/api/nothing-here"));
        await ExpectProblemAsync(HttpStatusCode.MethodNotAllowed, await client.DeleteAsync("/api/accounts"));
        await ExpectProblemAsync(HttpStatusCode.MethodNotAllowed, await client.PutAsync("/api/tweets/1", Raw("{}")));
    }

    private async Task<HttpClient> SignedInClientAsync() => app.CreateClient(await NewUserAsync(app, Handles.Next("br")));
}
