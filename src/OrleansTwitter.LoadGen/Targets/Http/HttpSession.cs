namespace OrleansTwitter.LoadGen.Targets.Http;

/// <summary>The answer of <c>POST /api/sessions</c> (API.md).</summary>
internal sealed record HttpSession(string AccessToken, int ExpiresIn);
