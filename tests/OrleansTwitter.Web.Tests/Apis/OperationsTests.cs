using System.Net;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>Health, the OpenAPI document and the page.</summary>
public sealed class OperationsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Live_and_ready_are_200_when_serving()
    {
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        await ExpectAsync(HttpStatusCode.OK, live);
        await ExpectAsync(HttpStatusCode.OK, ready);
        var body = await JsonAsync(ready);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_route_of_the_API()
    {
        using var client = app.CreateClient();

        var document = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/accounts", "post"), ("/api/sessions", "post"), ("/api/users/{handle}", "get"),
            ("/api/users/me/following/{handle}", "put"), ("/api/users/me/following/{handle}", "delete"),
            ("/api/users/{handle}/following", "get"), ("/api/users/{handle}/followers", "get"),
            ("/api/tweets", "post"), ("/api/tweets/{id}", "get"), ("/api/users/{handle}/tweets", "get"),
            ("/api/timeline", "get"), ("/api/timeline/stream", "get"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task The_page_is_served_at_the_root_from_static_files()
    {
        using var client = app.CreateClient();

        var page = await client.GetAsync("/");
        var script = await client.GetAsync("/app.js");

        await ExpectAsync(HttpStatusCode.OK, page);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/app.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ExpectAsync(HttpStatusCode.OK, script);
        await ExpectAsync(HttpStatusCode.OK, await client.GetAsync("/styles.css"));
        await ExpectAsync(HttpStatusCode.OK, await client.GetAsync("/favicon.svg"));
    }
}
