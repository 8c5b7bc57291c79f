using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Redis.Tests.Membership;

public sealed class RedisMembershipOptionsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void Defaults_match_the_operator_contract()
    {
        var options = new RedisMembershipOptions();

        Assert.Equal("localhost:6379", options.ConnectionString);
        Assert.Equal("dev", options.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.OperationTimeout);
    }

    [Theory]
    [InlineData("", "localhost:6379", 3, "Cluster:ClusterId")]
    [InlineData(" ", "localhost:6379", 3, "Cluster:ClusterId")]
    [InlineData("dev", "", 3, "Redis:ConnectionString")]
    [InlineData("dev", "localhost:6379,nonsense=1", 3, "Redis:ConnectionString")]
    [InlineData("dev", "localhost:6379", 0, "ConnectTimeout")]
    [InlineData("dev", "localhost:6379", -1, "ConnectTimeout")]
    public void Invalid_options_fail_construction_naming_the_key(string clusterId, string connectionString, int connectSeconds, string key)
    {
        var options = new RedisMembershipOptions
        {
            ClusterId = clusterId,
            ConnectionString = connectionString,
            ConnectTimeout = TimeSpan.FromSeconds(connectSeconds),
        };

        var error = Assert.Throws<ArgumentException>(() => new RedisMembershipTable(options));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_operation_timeout_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisMembershipTable(new RedisMembershipOptions { OperationTimeout = TimeSpan.Zero }));

        Assert.Contains("OperationTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRedisMembershipTable_registers_one_singleton_table_that_replaces_another()
    {
        var clusterId = $"di-{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.AddRedisMembershipTable(options =>
        {
            options.ConnectionString = redis.ConnectionString;
            options.ClusterId = clusterId;
        });
        await using var provider = services.BuildServiceProvider();

        var table = provider.GetRequiredService<IMembershipTable>();

        Assert.IsType<RedisMembershipTable>(table);
        Assert.Same(table, provider.GetRequiredService<IMembershipTable>());
        Assert.Same(table, provider.GetRequiredService<RedisMembershipTable>());
        var row = new MembershipEntry(new SiloAddress("10.0.0.1", 11111, 1), SiloStatus.Active, 30000, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        Assert.True(await table.TryWriteAsync(row, 0));
        Assert.Equal(1, (await table.ReadAsync()).Version);
    }

    [Fact]
    public void AddRedisMembershipTable_with_invalid_options_fails_validation_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddRedisMembershipTable(options => options.ClusterId = "");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMembershipTable>());

        Assert.Contains("Cluster:ClusterId", error.Message, StringComparison.Ordinal);
    }
}
