using System.Net;
using System.Net.Http.Json;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>POST /api/accounts</c>.</summary>
public sealed class AccountsApiTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Sign_up_is_201_with_handle_and_display_name_and_the_users_location()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("Su");

        var response = await SignUpAsync(client, handle, displayName: "  Sue Example ");

        await ExpectAsync(HttpStatusCode.Created, response);
        Assert.Equal($"/api/users/{handle}", response.Headers.Location?.OriginalString);
        var body = await JsonAsync(response);
        Assert.Equal(["displayName", "handle"], PropertyNames(body));
        Assert.Equal(handle, body.GetProperty("handle").GetString());
        Assert.Equal("Sue Example", body.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Without_a_display_name_the_handle_is_the_display_name()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("nd");

        var body = await JsonAsync(await SignUpAsync(client, handle));

        Assert.Equal(handle, body.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("sixteen_chars_16")]
    [InlineData("ünicode")]
    public async Task A_bad_handle_is_400(string handle)
    {
        using var client = app.CreateClient();

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await SignUpAsync(client, handle));

        Assert.Contains("handle", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_handle_is_400()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsJsonAsync("/api/accounts", new { password = Password }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(129)]
    public async Task A_password_shorter_than_8_or_longer_than_128_characters_is_400(int length)
    {
        using var client = app.CreateClient();

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await SignUpAsync(client, Handles.Next("pw"), new string('p', length)));

        Assert.Contains("password", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Passwords_of_8_and_128_characters_are_accepted(int length)
    {
        using var client = app.CreateClient();

        await ExpectAsync(HttpStatusCode.Created, await SignUpAsync(client, Handles.Next("pw"), new string('p', length)));
    }

    [Fact]
    public async Task A_missing_password_is_400()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsJsonAsync("/api/accounts", new { handle = Handles.Next("np") }));
    }

    [Fact]
    public async Task A_display_name_over_50_characters_is_400()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await SignUpAsync(client, Handles.Next("dn"), displayName: new string('d', 51)));
    }

    [Fact]
    public async Task A_handle_taken_is_409_without_regard_to_case()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("Tk");
        await ExpectAsync(HttpStatusCode.Created, await SignUpAsync(client, handle));

        await ExpectProblemAsync(HttpStatusCode.Conflict, await SignUpAsync(client, handle));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await SignUpAsync(client, handle.ToUpperInvariant(), "another password"));
    }

    [Fact]
    public async Task Concurrent_sign_ups_of_one_handle_create_one_account()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => SignUpAsync(client, i % 2 == 0 ? handle : handle.ToUpperInvariant())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}
