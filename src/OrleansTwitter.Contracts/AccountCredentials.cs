namespace OrleansTwitter.Contracts;

/// <summary>An account's sign-in data.</summary>
/// <param name="Handle">The handle as registered.</param>
/// <param name="PasswordHash">A salted, slow hash of the password (the web tier's <c>PasswordHasher</c> format); never the password.</param>
public sealed record AccountCredentials(string Handle, string PasswordHash);
