using System.Security.Claims;

namespace OrleansTwitter.Web.Auth;

/// <summary>Who a signed-in request acts as: the user of its token, and nobody else.</summary>
internal static class CurrentUser
{
    /// <summary>The user's key (the lower-case handle), from the token's name identifier.</summary>
    public static string Key(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");

    /// <summary>The key, or null for an anonymous request (rate-limit partitions).</summary>
    public static string? KeyOrNull(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static ClaimsPrincipal Create(string key, string handle, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, key), new Claim(ClaimTypes.Name, handle)], scheme));
}
