using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Accounts;

/// <summary>
/// Credentials of one handle (key: the lower-case handle). It is the single place that decides
/// whether a handle is taken, because one grain handles one request at a time.
/// </summary>
[GrainType("account")]
internal sealed class AccountGrain([PersistentState(AccountState.Name)] IPersistentState<AccountState> state, TimeProvider timeProvider)
    : Grain, IAccountGrain
{
    public async Task<bool> CreateAsync(string handle, string passwordHash, string? displayName)
    {
        var key = Handle.Normalize(handle);
        if (key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"The handle '{handle}' does not belong to account '{this.GetPrimaryKeyString()}'.", nameof(handle));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        DisplayName.Normalize(displayName, handle);
        if (state.State.Handle is not null)
        {
            return false;
        }

        // The user first, the credentials second: a crash in between leaves a user without
        // credentials, which a retried sign-up completes (registration is idempotent), never
        // credentials for a user that does not exist.
        await GrainFactory.GetGrain<IUserGrain>(key).RegisterAsync(handle, displayName);
        state.State.Handle = handle;
        state.State.PasswordHash = passwordHash;
        state.State.CreatedAt = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    public Task<AccountCredentials?> GetCredentialsAsync() => Task.FromResult(
        state.State.Handle is { } handle ? new AccountCredentials(handle, state.State.PasswordHash) : null);

    public async Task UpdatePasswordHashAsync(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (state.State.Handle is null)
        {
            throw UnknownUserException.ForHandle(this.GetPrimaryKeyString());
        }

        state.State.PasswordHash = passwordHash;
        await state.WriteStateAsync();
    }
}
