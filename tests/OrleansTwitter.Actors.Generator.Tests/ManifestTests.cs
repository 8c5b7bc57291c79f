using OrleansTwitter.Actors.Generator.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Generator.Tests;

public sealed class ManifestTests(GrainAssemblyFixture grains) : IClassFixture<GrainAssemblyFixture>
{
    [Fact]
    public void Every_grain_interface_is_registered_with_its_id()
    {
        Assert.Equal(
            ["MyApp.Contracts.ICounterGrain", Pingable, UserGrain, InnerGrain],
            grains.Interfaces.Select(i => i.InterfaceType.FullName!).Order(StringComparer.Ordinal));
        Assert.Equal(Fnv1a.Id("MyApp.Contracts.IUserGrain"), grains.Interface(UserGrain).InterfaceId);

        // Nested types hash as Outer.IInner, whatever the CLR calls them.
        Assert.Equal(Fnv1a.Id("MyApp.Contracts.Outer.IInnerGrain"), grains.Interface(InnerGrain).InterfaceId);
    }

    [Fact]
    public void Inherited_methods_are_listed_with_their_declaring_interface_id()
    {
        var methods = grains.Interface(UserGrain).Methods;

        Assert.Equal(
            ["Add", "Describe", "Describe", "GetProfile", "Handles", "InvokeAsync", "Ping", "SetProfile", "Touch"],
            methods.Select(m => m.Name).Order(StringComparer.Ordinal));
        var ping = methods.Single(m => m.Name == "Ping");
        Assert.Equal(Fnv1a.Id("MyApp.Contracts.IPingable"), ping.InterfaceId);
        Assert.Equal(grains.Interface(Pingable).Methods.Single().MethodId, ping.MethodId);
    }

    [Fact]
    public void Method_descriptors_create_empty_requests_that_match_them()
    {
        foreach (var method in grains.Interfaces.SelectMany(i => i.Methods))
        {
            var request = method.CreateRequest();

            Assert.Equal(method.InterfaceId, request.InterfaceId);
            Assert.Equal(method.MethodId, request.MethodId);
            Assert.Equal(method.Name, request.MethodName);
            Assert.NotSame(request, method.CreateRequest());
        }
    }

    [Fact]
    public void Grain_classes_are_registered_with_type_reentrancy_and_interfaces()
    {
        Assert.Equal(["counter-v2", "inner", "user"], grains.Classes.Select(c => c.GrainType).Order(StringComparer.Ordinal));

        var user = grains.GrainClass("user");
        Assert.Equal(grains.Type("MyApp.Grains.UserGrain"), user.GrainClass);
        Assert.True(user.IsReentrant);
        Assert.Equal([grains.Type(UserGrain), grains.Type(Pingable)], user.Interfaces);

        var counter = grains.GrainClass("counter-v2");
        Assert.False(counter.IsReentrant);
        Assert.Equal([grains.Type("MyApp.Contracts.ICounterGrain")], counter.Interfaces);

        // [Reentrant] on an abstract base class counts.
        Assert.True(grains.GrainClass("inner").IsReentrant);
    }

    private const string UserGrain = GrainAssemblyFixture.UserGrain;
    private const string Pingable = GrainAssemblyFixture.Pingable;
    private const string InnerGrain = GrainAssemblyFixture.InnerGrain;
}
