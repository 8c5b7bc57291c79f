using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Generator.Tests.Infrastructure;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Generator.Tests;

public sealed class ProxyTests(GrainAssemblyFixture grains) : IClassFixture<GrainAssemblyFixture>
{
    private const string UserGrain = GrainAssemblyFixture.UserGrain;
    private static readonly GrainId Alice = GrainId.FromString("user", "proxy-tests-alice");

    [Fact]
    public void The_proxy_factory_makes_a_reference_that_implements_the_interface()
    {
        var proxy = grains.Interface(UserGrain).ProxyFactory(new RecordingInvoker(_ => null), Alice);

        Assert.IsAssignableFrom(grains.Type(UserGrain), proxy);
        Assert.Equal(Alice, proxy.GrainId);
    }

    [Fact]
    public async Task A_call_sends_a_request_with_ids_names_and_arguments()
    {
        var invoker = new RecordingInvoker(_ => 42L);
        var proxy = grains.Interface(UserGrain).ProxyFactory(invoker, Alice);

        var result = await (ValueTask<long>)grains.Call(proxy, UserGrain, "Add", 2, 40L);

        Assert.Equal(42L, result);
        var (target, request) = Assert.Single(invoker.Calls);
        Assert.Equal(Alice, target);
        Assert.Equal(Fnv1a.Id("MyApp.Contracts.IUserGrain"), request.InterfaceId);
        Assert.Equal(Fnv1a.Id("Add(int,long)"), request.MethodId);
        Assert.Equal("MyApp.Contracts.IUserGrain", request.InterfaceName);
        Assert.Equal("Add", request.MethodName);
        Assert.False(request.AlwaysInterleave);
        Assert.Equal(2, GrainAssemblyFixture.Arg(request, 0));
        Assert.Equal(40L, GrainAssemblyFixture.Arg(request, 1));
    }

    [Fact]
    public async Task An_inherited_method_is_sent_as_its_declaring_interface()
    {
        var invoker = new RecordingInvoker(_ => "pong");
        var proxy = grains.Interface(UserGrain).ProxyFactory(invoker, Alice);

        Assert.Equal("pong", await (Task<string>)grains.Call(proxy, GrainAssemblyFixture.Pingable, "Ping", "hi"));

        Assert.Equal(Fnv1a.Id("MyApp.Contracts.IPingable"), invoker.LastRequest.InterfaceId);
        Assert.Equal("MyApp.Contracts.IPingable", invoker.LastRequest.InterfaceName);
        Assert.Equal("hi", GrainAssemblyFixture.Arg(invoker.LastRequest, 0));
    }

    [Fact]
    public async Task Every_return_shape_reaches_the_invoker_and_back()
    {
        IReadOnlyList<string> handles = ["a", "b"];
        var invoker = new RecordingInvoker(request => request.MethodName switch
        {
            "Handles" => handles,
            "InvokeAsync" => "invoked",
            _ => null,
        });
        var proxy = grains.Interface(UserGrain).ProxyFactory(invoker, Alice);
        var profile = grains.New("MyApp.Contracts.Profile", "alice", 3);

        await (Task)grains.Call(proxy, UserGrain, "SetProfile", profile);
        Assert.Same(profile, GrainAssemblyFixture.Arg(invoker.LastRequest, 0));

        await (ValueTask)grains.Call(proxy, UserGrain, "Touch");
        Assert.Equal("Touch", invoker.LastRequest.MethodName);

        Assert.Same(handles, await (Task<IReadOnlyList<string>>)grains.Call(proxy, UserGrain, "Handles", null, grains.Tier("Pro")));
        Assert.True(invoker.LastRequest.AlwaysInterleave);
        Assert.Null(GrainAssemblyFixture.Arg(invoker.LastRequest, 0));
        Assert.Equal(grains.Tier("Pro"), GrainAssemblyFixture.Arg(invoker.LastRequest, 1));

        // A grain method named InvokeAsync with a parameter named request does not clash
        // with GrainReference.InvokeAsync or the proxy's local.
        Assert.Equal("invoked", await (Task<string>)grains.Call(proxy, UserGrain, "InvokeAsync", "req", 7));
        Assert.Equal("req", GrainAssemblyFixture.Arg(invoker.LastRequest, 0));
        Assert.Equal(7, GrainAssemblyFixture.Arg(invoker.LastRequest, 1));
    }

    [Fact]
    public async Task Overloads_are_different_methods()
    {
        var invoker = new RecordingInvoker(_ => "described");
        var proxy = grains.Interface(UserGrain).ProxyFactory(invoker, Alice);

        await (Task<string>)grains.Call(proxy, UserGrain, "Describe", 5);
        var byInt = invoker.LastRequest;
        await (Task<string>)grains.Call(proxy, UserGrain, "Describe", "five");
        var byString = invoker.LastRequest;

        Assert.Equal(Fnv1a.Id("Describe(int)"), byInt.MethodId);
        Assert.Equal(Fnv1a.Id("Describe(string)"), byString.MethodId);
        Assert.NotEqual(byInt.GetType(), byString.GetType());
    }

    [Fact]
    public async Task A_request_invokes_the_method_on_the_grain()
    {
        var fake = grains.New("MyApp.Fakes.FakeUser");
        var profile = grains.New("MyApp.Contracts.Profile", "bob", 9);

        // FakeUser completes asynchronously (Task.Yield), so this goes through the awaiting path.
        Assert.Equal(42L, await Invoke(grains.NewRequest(UserGrain, "Add", 2, 40L), fake));
        Assert.Equal("pong hi", await Invoke(grains.NewRequest(UserGrain, "Ping", "hi"), fake));
        Assert.Null(await Invoke(grains.NewRequest(UserGrain, "Touch"), fake));
        Assert.Null(await Invoke(grains.NewRequest(UserGrain, "SetProfile", profile), fake));
        Assert.Same(profile, await Invoke(grains.NewRequest(UserGrain, "GetProfile"), fake));
        Assert.Equal("int 5", await Invoke(NewDescribe(typeof(int), 5), fake));
        Assert.Equal("string 5", await Invoke(NewDescribe(typeof(string), "5"), fake));
    }

    [Fact]
    public async Task A_method_with_a_result_has_a_typed_request_that_returns_it_unboxed_and_one_without_has_an_untyped_request()
    {
        var fake = grains.New("MyApp.Fakes.FakeUser");

        // Add returns ValueTask<long>, Ping Task<string>; Touch returns a Task without a result.
        var add = Assert.IsAssignableFrom<GrainRequest<long>>(grains.NewRequest(UserGrain, "Add", 2, 40L));
        var ping = Assert.IsAssignableFrom<GrainRequest<string>>(grains.NewRequest(UserGrain, "Ping", "hi"));
        var touch = grains.NewRequest(UserGrain, "Touch");

        Assert.Equal(42L, await add.InvokeTypedAsync(fake));
        Assert.Equal("pong hi", await ping.InvokeTypedAsync(fake));
        Assert.Equal(typeof(GrainRequest), touch.GetType().BaseType);
    }

    private static async Task<object?> Invoke(GrainRequest request, object grain) => await request.InvokeAsync(grain);

    private GrainRequest NewDescribe(Type parameterType, object argument)
    {
        var request = grains.Interface(UserGrain).Methods
            .Where(m => m.Name == "Describe")
            .Select(m => m.CreateRequest())
            .Single(r => r.GetType().GetField("Arg0")!.FieldType == parameterType);
        request.GetType().GetField("Arg0")!.SetValue(request, argument);
        return request;
    }
}
