using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Diagnostics;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary><c>POST /api/accounts</c>: sign up.</summary>
internal static class AccountsApi
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapPost(string.Empty, CreateAsync)
            .WithSummary("Creates an account and its user")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest request,
        IClusterClient cluster,
        IPasswordHasher<AccountCredentials> hasher,
        ILoggerFactory loggers)
    {
        if (!Handle.TryNormalize(request.Handle, out var key))
        {
            return Problems.BadRequest(request.Handle is null
                ? "A handle is required: 1 to 15 letters (A-Z, a-z), digits or underscores."
                : $"'{QueryValues.Shorten(request.Handle)}' is not a valid handle: use 1 to {TimelineLimits.MaxHandleLength} letters (A-Z, a-z), digits or underscores.");
        }

        if (request.Password is not { Length: >= MinPasswordLength and <= MaxPasswordLength } password)
        {
            return Problems.BadRequest($"A password is {MinPasswordLength} to {MaxPasswordLength} characters.");
        }

        if (!DisplayName.TryNormalize(request.DisplayName, request.Handle, out var displayName, out var error))
        {
            return Problems.BadRequest(error);
        }

        var hash = hasher.HashPassword(new AccountCredentials(request.Handle, string.Empty), password);
        if (!await cluster.GetGrain<IAccountGrain>(key).CreateAsync(request.Handle, hash, displayName))
        {
            return Problems.Conflict($"The handle '{request.Handle}' is taken.");
        }

        WebLog.AccountCreated(loggers.CreateLogger(typeof(AccountsApi)), request.Handle);
        return TypedResults.Created($"/api/users/{request.Handle}", new AccountResponse(request.Handle, displayName));
    }
}
