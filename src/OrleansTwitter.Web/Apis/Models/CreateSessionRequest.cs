namespace OrleansTwitter.Web.Apis.Models;

/// <summary>The body of <c>POST /api/sessions</c>.</summary>
internal sealed record CreateSessionRequest(string? Handle, string? Password);
