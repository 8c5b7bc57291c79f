using System.Net;
using System.Text.Json;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>GET /api/users?prefix=&amp;limit=</c>: the user directory for the web page.</summary>
public sealed class DirectoryApiTests(BusyWebApp app) : IClassFixture<BusyWebApp>
{
    [Fact]
    public async Task A_prefix_lists_users_as_registered_with_display_names_in_handle_order_without_regard_to_case()
    {
        var stem = "d" + Guid.NewGuid().ToString("N")[..6];
        string[] handles = [$"{stem}Zed", $"{stem.ToUpperInvariant()}_x", $"{stem}9", $"{stem}alpha"];
        using var client = app.CreateClient();
        foreach (var handle in handles)
        {
            await ExpectAsync(HttpStatusCode.Created, await SignUpAsync(client, handle, displayName: $"The {handle}"));
        }

        var found = await GetJsonAsync(client, $"/api/users?prefix={stem.ToUpperInvariant()}");

        Assert.Equal(["items"], PropertyNames(found));
        Assert.Equal(["displayName", "handle"], PropertyNames(found.GetProperty("items")[0]));
        Assert.Equal([$"{stem}9", $"{stem.ToUpperInvariant()}_x", $"{stem}alpha", $"{stem}Zed"], Handles(found));
        Assert.Equal($"The {stem}9", found.GetProperty("items")[0].GetProperty("displayName").GetString());
        Assert.Equal([$"{stem}9", $"{stem.ToUpperInvariant()}_x"], Handles(await GetJsonAsync(client, $"/api/users?prefix={stem}&limit=2")));
        Assert.Equal([$"{stem}alpha"], Handles(await GetJsonAsync(client, $"/api/users?prefix={stem}AL")));
        Assert.Empty(Handles(await GetJsonAsync(client, $"/api/users?prefix={stem}q")));
    }

    [Fact]
    public async Task The_default_limit_is_20()
    {
        var stem = "l" + Guid.NewGuid().ToString("N")[..6];
        using var client = app.CreateClient();
        await Task.WhenAll(Enumerable.Range(0, 25).Select(async i => await ExpectAsync(HttpStatusCode.Created, await SignUpAsync(client, $"{stem}{i:00}"))));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{stem}{i:00}"), Handles(await GetJsonAsync(client, $"/api/users?prefix={stem}")));
        Assert.Equal(25, Handles(await GetJsonAsync(client, $"/api/users?prefix={stem}&limit=100")).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?prefix=")]
    [InlineData("?prefix=a-b")]
    [InlineData("?prefix=%23tag")]
    [InlineData("?prefix=sixteencharsxxxx")]
    [InlineData("?prefix=%C3%A9")]
    [InlineData("?prefix=%F0%9F%8E%89")]
    [InlineData("?prefix=%20a")]
    [InlineData("?prefix=%00")]
    [InlineData("?prefix=a&limit=0")]
    [InlineData("?prefix=a&limit=101")]
    [InlineData("?prefix=a&limit=x")]
    public async Task An_empty_or_impossible_prefix_or_a_bad_limit_is_400(string query)
    {
        using var client = app.CreateClient();

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.GetAsync($"/api/users{query}"));

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private static string[] Handles(JsonElement found) =>
        [.. found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("handle").GetString()!)];
}
