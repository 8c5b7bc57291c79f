namespace OrleansTwitter.Grains.Accounts;

/// <summary>The persisted state of an <see cref="AccountGrain"/>; an account exists once it has a handle.</summary>
internal sealed class AccountState
{
    public const string Name = "account";

    public string? Handle { get; set; }

    public string PasswordHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
