namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A session: <c>{ "accessToken", "expiresIn" }</c>, the token's lifetime in seconds.</summary>
internal sealed record SessionResponse(string AccessToken, long ExpiresIn);
