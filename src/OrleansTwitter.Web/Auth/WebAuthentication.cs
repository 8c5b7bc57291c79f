using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Auth;

/// <summary>Bearer tokens protected with a key ring the cluster shares, and password hashing.</summary>
internal static class WebAuthentication
{
    /// <summary>The Data Protection application name: instances with the same name and key ring read each other's tokens.</summary>
    public const string ApplicationName = "OrleansTwitter";

    public static IServiceCollection AddWebAuthentication(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<GrainXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<GrainXmlRepository>((o, repository) => o.XmlRepository = repository);

        services.AddAuthentication(AccessTokenIssuer.Scheme).AddBearerToken(AccessTokenIssuer.Scheme);
        services.AddOptions<BearerTokenOptions>(AccessTokenIssuer.Scheme)
            .Configure<IOptions<WebOptions>>((bearer, web) => bearer.BearerTokenExpiration = web.Value.TokenLifetime);
        services.AddAuthorization();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IPasswordHasher<AccountCredentials>, PasswordHasher<AccountCredentials>>();
        return services;
    }
}
