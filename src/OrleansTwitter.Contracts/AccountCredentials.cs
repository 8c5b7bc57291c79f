namespace OrleansTwitter.Contracts;

/// <summary>An account's sign-in data.</summary>
/// <param name="Handle">The handle as registered.</param>
/// <param name="PasswordHash">A salted, slow hash of the password (the web tier's <c>PasswordHasher</c> format); never the password.</param>
[GenerateSerializer, Immutable, Alias("ot.AccountCredentials")]
public sealed record AccountCredentials([property: Id(0)] string Handle, [property: Id(1)] string PasswordHash);
