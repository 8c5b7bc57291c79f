namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A user in the directory: <c>{ "handle", "displayName" }</c>.</summary>
internal sealed record DirectoryEntryResponse(string Handle, string DisplayName);
