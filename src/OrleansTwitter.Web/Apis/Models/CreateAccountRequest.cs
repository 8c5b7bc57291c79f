namespace OrleansTwitter.Web.Apis.Models;

/// <summary>The body of <c>POST /api/accounts</c>.</summary>
internal sealed record CreateAccountRequest(string? Handle, string? Password, string? DisplayName);
