
namespace OrleansTwitter.Contracts;

/// <summary>
/// An account's credentials, keyed by the lower-case handle. Creating an account registers the
/// user (<see cref="IUserGrain.RegisterAsync"/>).
/// </summary>
[Alias("ot.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account and registers its user. False when the handle is taken. Throws
    /// <see cref="ArgumentException"/> when the handle is invalid or is not this grain's key,
    /// or the hash or display name is unusable.
    /// </summary>
    [Alias("CreateAsync")]
    Task<bool> CreateAsync(string handle, string passwordHash, string? displayName);

    /// <summary>The credentials, or null when no account has this handle.</summary>
    [Alias("GetCredentialsAsync")]
    [SafeToRetry]
    Task<AccountCredentials?> GetCredentialsAsync();

    /// <summary>Replaces the password hash (after a password change, or a rehash the hasher asks for).</summary>
    [Alias("UpdatePasswordHashAsync")]
    [SafeToRetry]
    Task UpdatePasswordHashAsync(string passwordHash);
}
