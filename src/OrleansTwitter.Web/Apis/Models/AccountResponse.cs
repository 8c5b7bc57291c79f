namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A created account: <c>{ "handle", "displayName" }</c>.</summary>
internal sealed record AccountResponse(string Handle, string DisplayName);
