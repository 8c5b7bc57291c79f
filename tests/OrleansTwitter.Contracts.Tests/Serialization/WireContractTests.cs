using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OrleansTwitter.Contracts.Tests.Serialization;

/// <summary>
/// Everything that crosses a process goes through Orleans' serializer, between silos of different
/// versions during a rolling upgrade too: so every such type round-trips with its values, has a
/// stable alias, and numbers every serialized member; every grain interface and method has an alias.
/// </summary>
public sealed class WireContractTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder =>
        {
            foreach (var assembly in WireTypes.Assemblies)
            {
                builder.AddAssembly(assembly);
            }
        })
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<string> SerializableTypes => [.. WireTypes.Serializable.Select(t => t.FullName!)];

    [Fact]
    public void The_wire_types_are_found_among_them_those_of_the_contracts_and_of_the_grains()
    {
        string[] expected =
        [
            "OrleansTwitter.Contracts.Tweet", "OrleansTwitter.Contracts.TweetId", "OrleansTwitter.Contracts.TimelinePage",
            "OrleansTwitter.Contracts.HandlePage", "OrleansTwitter.Contracts.UserProfile", "OrleansTwitter.Contracts.AccountCredentials",
            "OrleansTwitter.Contracts.UnknownUserException",
            "OrleansTwitter.Grains.Fanout.TweetPosted", "OrleansTwitter.Grains.Users.FolloweeInfo", "OrleansTwitter.Grains.Followers.FollowerOperation",
            "OrleansTwitter.Grains.Tweets.RecentTweets", "OrleansTwitter.Grains.Delivery.DeliveryReceipt", "OrleansTwitter.Grains.Delivery.FanoutIncompleteException",
            "OrleansTwitter.Contracts.Search.TrendingTags", "OrleansTwitter.Contracts.Search.TrendingTag", "OrleansTwitter.Contracts.Search.DirectoryEntry",
            "OrleansTwitter.Grains.Trends.TrendCount",
        ];

        Assert.Empty(expected.Except(WireTypes.Serializable.Select(t => t.FullName)));
    }

    [Theory]
    [MemberData(nameof(SerializableTypes))]
    public void Each_wire_type_round_trips_through_the_Orleans_serializer_with_every_value(string typeName)
    {
        var type = TypeNamed(typeName);
        var value = SampleValues.Create(type);

        var copy = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(value));

        WireEquality.AssertSame(value, copy, type.Name);
    }

    [Fact]
    public void An_unknown_user_error_arrives_with_its_handle_and_message()
    {
        var error = UnknownUserException.ForHandle("ghost");

        var copy = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(error));

        var unknown = Assert.IsType<UnknownUserException>(copy);
        Assert.Equal(("ghost", "No user has the handle 'ghost'."), (unknown.Handle, unknown.Message));
    }

    [Theory]
    [MemberData(nameof(SerializableTypes))]
    public void Each_wire_type_has_an_alias_and_every_serialized_member_a_unique_id(string typeName)
    {
        var type = TypeNamed(typeName);

        Assert.False(string.IsNullOrWhiteSpace(type.GetCustomAttribute<AliasAttribute>()?.Alias), $"{type} has no [Alias]: renaming or moving it would break older silos.");

        // An enum travels as its value; a class or record carries all its state in [Id] members: a
        // field that is neither one nor behind one would be lost on the wire.
        if (type.IsEnum)
        {
            return;
        }

        var idMembers = WireTypes.IdMembers(type);
        var unnumbered = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => f.GetCustomAttribute<IdAttribute>() is null)
            .Where(f => !idMembers.OfType<PropertyInfo>().Any(p => f.Name == $"<{p.Name}>k__BackingField"))
            .Select(f => f.Name);
        Assert.Empty(unnumbered);
        var ids = idMembers.Select(m => m.GetCustomAttribute<IdAttribute>()!.Id).ToList();
        Assert.Equal(ids.Distinct(), ids);
    }

    [Fact]
    public void Wire_type_aliases_are_unique()
    {
        var aliases = WireTypes.Serializable.Select(t => t.GetCustomAttribute<AliasAttribute>()?.Alias).OfType<string>().ToList();

        Assert.Equal(aliases.Distinct(), aliases);
    }

    [Fact]
    public void Every_grain_interface_and_each_of_its_methods_has_an_alias()
    {
        var interfaces = WireTypes.GrainInterfaces.ToList();
        Assert.Contains(typeof(IUserGrain), interfaces);

        var missing = interfaces.Where(i => i.GetCustomAttribute<AliasAttribute>() is null).Select(i => i.FullName)
            .Concat(interfaces.SelectMany(i => i.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<AliasAttribute>() is null)
                .Select(m => $"{i.FullName}.{m.Name}")));
        Assert.Empty(missing);

        var interfaceAliases = interfaces.Select(i => i.GetCustomAttribute<AliasAttribute>()!.Alias).ToList();
        Assert.Equal(interfaceAliases.Distinct(), interfaceAliases);
        Assert.All(interfaces, i =>
        {
            var methodAliases = i.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Select(m => m.GetCustomAttribute<AliasAttribute>()!.Alias).ToList();
            Assert.Equal(methodAliases.Distinct(), methodAliases);
        });
    }

    private static Type TypeNamed(string fullName) => WireTypes.Serializable.Single(t => t.FullName == fullName);
}
