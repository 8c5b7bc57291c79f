using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Tests.Shared.Membership;

namespace OrleansTwitter.Actors.Tests.Membership;

/// <summary>The membership table contract, against the in-memory reference implementation.</summary>
public sealed class InMemoryMembershipTableTests : MembershipTableContractTests
{
    protected override Task<IMembershipTable> CreateTableAsync() => Task.FromResult<IMembershipTable>(new InMemoryMembershipTable());
}
