using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Redis.Membership;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Tests.Shared.Membership;

namespace OrleansTwitter.Actors.Redis.Tests.Membership;

/// <summary>The membership table contract, against a real redis-server; every table gets its own cluster id.</summary>
public sealed class RedisMembershipTableContractTests(RedisServerFixture redis)
    : MembershipTableContractTests, IClassFixture<RedisServerFixture>
{
    protected override Task<IMembershipTable> CreateTableAsync() =>
        Task.FromResult<IMembershipTable>(new RedisMembershipTable(new RedisMembershipOptions
        {
            ConnectionString = redis.ConnectionString,
            ClusterId = $"contract-{Guid.NewGuid():N}",
        }));
}
