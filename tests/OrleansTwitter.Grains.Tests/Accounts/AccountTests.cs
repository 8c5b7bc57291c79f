using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Accounts;

[Collection(SharedCluster.Name)]
public sealed class AccountTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task Creating_an_account_registers_the_user_and_a_taken_handle_is_refused_whatever_its_case()
    {
        var account = cluster.Grains.GetGrain<IAccountGrain>("acada");

        Assert.True(await account.CreateAsync("AcAda", "hash-1", "Ada"));
        Assert.False(await cluster.Grains.GetGrain<IAccountGrain>("acada").CreateAsync("ACADA", "hash-2", null));

        Assert.Equal(new AccountCredentials("AcAda", "hash-1"), await account.GetCredentialsAsync());
        var profile = await cluster.User("acada").GetProfileAsync();
        Assert.Equal(("AcAda", "Ada"), (profile.Handle, profile.DisplayName));
    }

    [Fact]
    public async Task An_unknown_account_has_no_credentials()
    {

        Assert.Null(await cluster.Grains.GetGrain<IAccountGrain>("acnobody").GetCredentialsAsync());
        await Assert.ThrowsAsync<UnknownUserException>(() => cluster.Grains.GetGrain<IAccountGrain>("acnobody").UpdatePasswordHashAsync("h"));
    }

    [Fact]
    public async Task The_password_hash_can_be_replaced()
    {
        var account = cluster.Grains.GetGrain<IAccountGrain>("acbob");
        await account.CreateAsync("acbob", "old", null);

        await account.UpdatePasswordHashAsync("new");

        Assert.Equal("new", (await account.GetCredentialsAsync())!.PasswordHash);
    }

    [Fact]
    public async Task Bad_input_is_rejected()
    {
        var account = cluster.Grains.GetGrain<IAccountGrain>("accarl");

        await Assert.ThrowsAsync<ArgumentException>(() => account.CreateAsync("acdave", "hash", null));
        await Assert.ThrowsAsync<ArgumentException>(() => account.CreateAsync("accarl", " ", null));
        await Assert.ThrowsAsync<ArgumentException>(() => account.CreateAsync("bad handle", "hash", null));
        Assert.Null(await account.GetCredentialsAsync());
    }
}
