namespace OrleansTwitter.Grains.Accounts;

/// <summary>The persisted state of an <see cref="AccountGrain"/>; an account exists once it has a handle.</summary>
[GenerateSerializer, Alias("ot.AccountState")]
internal sealed class AccountState
{
    public const string Name = "account";

    [Id(0)]
    public string? Handle { get; set; }

    [Id(1)]
    public string PasswordHash { get; set; } = string.Empty;

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }
}
