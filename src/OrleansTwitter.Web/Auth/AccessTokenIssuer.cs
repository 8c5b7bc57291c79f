using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace OrleansTwitter.Web.Auth;

/// <summary>
/// Issues the access tokens of <c>POST /api/sessions</c>: the bearer-token handler's own format,
/// protected by its own protector (so the handler reads them back), without the refresh token
/// and token type its sign-in would add to the body.
/// </summary>
internal sealed class AccessTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider timeProvider)
{
    public const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    public (string AccessToken, long ExpiresIn) Issue(string key, string handle)
    {
        var bearer = options.Get(Scheme);
        var now = timeProvider.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(CurrentUser.Create(key, handle, Scheme), properties, Scheme);
        return (bearer.BearerTokenProtector.Protect(ticket), (long)bearer.BearerTokenExpiration.TotalSeconds);
    }
}
