using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>POST /api/sessions</c> and bearer tokens.</summary>
public sealed class SessionsApiTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Sign_in_is_200_with_exactly_an_access_token_and_its_lifetime_and_the_token_authenticates()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("si");
        await SignUpAsync(client, handle);

        var response = await SignInAsync(client, handle);

        await ExpectAsync(HttpStatusCode.OK, response);
        var body = await JsonAsync(response);
        Assert.Equal(["accessToken", "expiresIn"], PropertyNames(body));
        Assert.Equal(12 * 3600, body.GetProperty("expiresIn").GetInt64());
        using var signedIn = app.CreateClient(body.GetProperty("accessToken").GetString()!);
        await ExpectAsync(HttpStatusCode.OK, await signedIn.GetAsync("/api/timeline"));
    }

    [Fact]
    public async Task The_handle_is_matched_without_regard_to_case()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("Ci");
        await SignUpAsync(client, handle);

        await ExpectAsync(HttpStatusCode.OK, await SignInAsync(client, handle.ToUpperInvariant()));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_handle_get_the_same_401()
    {
        using var client = app.CreateClient();
        var handle = Handles.Next("wp");
        await SignUpAsync(client, handle);

        var wrongPassword = await ExpectProblemAsync(HttpStatusCode.Unauthorized, await SignInAsync(client, handle, "not the password"));
        var unknownHandle = await ExpectProblemAsync(HttpStatusCode.Unauthorized, await SignInAsync(client, Handles.Next("uh")));
        var invalidHandle = await ExpectProblemAsync(HttpStatusCode.Unauthorized, await SignInAsync(client, "not a handle!"));

        Assert.Equal(wrongPassword.GetProperty("title").GetString(), unknownHandle.GetProperty("title").GetString());
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownHandle.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), invalidHandle.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_sign_in_without_a_handle_or_a_password_is_400()
    {
        using var client = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsJsonAsync("/api/sessions", new { handle = "someone" }));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsJsonAsync("/api/sessions", new { password = Password }));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await client.PostAsync("/api/sessions", Raw("{\"handle\":")));
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_request_with_a_bad_token_is_401(string authorization)
    {
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/timeline");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await client.SendAsync(request));
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var handle = Handles.Next("tt");
        var token = await NewUserAsync(app, handle);
        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        using var client = app.CreateClient(tampered);

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await client.GetAsync("/api/timeline"));
    }

    [Fact]
    public async Task The_stored_credential_is_a_salted_hash_not_the_password()
    {
        var handle = Handles.Next("hs");
        await NewUserAsync(app, handle);
        var cluster = app.Services.GetRequiredService<IClusterClient>();

        var credentials = await cluster.GetGrain<IAccountGrain>(handle.ToLowerInvariant()).GetCredentialsAsync();

        Assert.NotNull(credentials);
        Assert.DoesNotContain(Password, credentials.PasswordHash, StringComparison.Ordinal);
        // ASP.NET Core Identity's format: version 3 marker, PBKDF2 with a salt.
        Assert.Equal(0x01, Convert.FromBase64String(credentials.PasswordHash)[0]);
    }
}
