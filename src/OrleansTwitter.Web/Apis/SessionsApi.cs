using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Auth;
using OrleansTwitter.Web.Diagnostics;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary><c>POST /api/sessions</c>: sign in, for a bearer token.</summary>
internal static class SessionsApi
{
    private const string WrongCredentials = "The handle or the password is wrong.";

    // Verified when the handle has no account, so that a wrong handle costs what a wrong
    // password costs and the timing does not tell which handles exist.
    private static readonly Lazy<string> s_decoyHash = new(() => new PasswordHasher<AccountCredentials>().HashPassword(new AccountCredentials("decoy", string.Empty), Guid.NewGuid().ToString("N")));

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sessions").WithTags("Sessions");
        group.MapPost(string.Empty, CreateAsync)
            .WithSummary("Signs in: returns a bearer access token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CreateAsync(
        CreateSessionRequest request,
        IClusterClient cluster,
        IPasswordHasher<AccountCredentials> hasher,
        AccessTokenIssuer tokens,
        ILoggerFactory loggers)
    {
        if (request.Handle is null || request.Password is null)
        {
            return Problems.BadRequest("A sign-in needs a handle and a password.");
        }

        var credentials = Handle.TryNormalize(request.Handle, out var key) && request.Password.Length <= AccountsApi.MaxPasswordLength
            ? await cluster.GetGrain<IAccountGrain>(key).GetCredentialsAsync()
            : null;
        var result = hasher.VerifyHashedPassword(
            credentials ?? new AccountCredentials(request.Handle, string.Empty),
            credentials?.PasswordHash ?? s_decoyHash.Value,
            request.Password);
        if (credentials is null || key is null || result == PasswordVerificationResult.Failed)
        {
            WebLog.SignInRefused(loggers.CreateLogger(typeof(SessionsApi)), QueryValues.Shorten(request.Handle));
            return Problems.Unauthorized(WrongCredentials);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await cluster.GetGrain<IAccountGrain>(key).UpdatePasswordHashAsync(hasher.HashPassword(credentials, request.Password));
        }

        var (accessToken, expiresIn) = tokens.Issue(key, credentials.Handle);
        return TypedResults.Ok(new SessionResponse(accessToken, expiresIn));
    }
}
