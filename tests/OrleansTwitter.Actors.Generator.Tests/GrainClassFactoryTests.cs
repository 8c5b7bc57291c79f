using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Generator.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Generator.Tests;

/// <summary>
/// The generated factories resolve every constructor argument from the activation context.
/// Outside the runtime the Grain base constructor refuses to run (only the runtime may
/// construct grains), but arguments are evaluated before it, so what the factory asked the
/// context for is observable either way.
/// </summary>
public sealed class GrainClassFactoryTests(GrainAssemblyFixture grains) : IClassFixture<GrainAssemblyFixture>
{
    [Fact]
    public void Persistent_state_and_services_are_resolved_from_the_context()
    {
        var clock = grains.Type("MyApp.Grains.IClock");
        var context = new RecordingActivationContext(
            GrainId.FromString("user", "factory-tests-alice"),
            new Dictionary<Type, object> { [clock] = grains.New("MyApp.Grains.FixedClock") });

        CreateOutsideTheRuntime(grains.GrainClass("user"), context);

        Assert.Equal([(grains.Type("MyApp.Grains.ProfileState"), "profile", (string?)"store")], context.StatesRequested);

        // IClock is required; the optional parameters (int, Tier, string?, string) are looked
        // up and fall back to their defaults.
        Assert.Equal([clock, typeof(int), grains.Type("MyApp.Contracts.Tier"), typeof(string), typeof(string)], context.ServicesRequested);
    }

    [Fact]
    public void A_state_without_a_storage_name_asks_for_the_default_storage()
    {
        var context = new RecordingActivationContext(GrainId.FromInteger("counter-v2", 1), new Dictionary<Type, object>());

        CreateOutsideTheRuntime(grains.GrainClass("counter-v2"), context);

        Assert.Equal([(grains.Type("MyApp.Grains.CountState"), "count", (string?)null)], context.StatesRequested);
        Assert.Empty(context.ServicesRequested);
    }

    [Fact]
    public void A_missing_required_service_fails_with_the_service_type()
    {
        var context = new RecordingActivationContext(GrainId.FromString("user", "factory-tests-bob"), new Dictionary<Type, object>());

        var exception = Assert.Throws<InvalidOperationException>(() => grains.GrainClass("user").Create(context));

        Assert.Contains("MyApp.Grains.IClock", exception.Message, StringComparison.Ordinal);
    }

    private static void CreateOutsideTheRuntime(GrainClassDescriptor descriptor, RecordingActivationContext context)
    {
        try
        {
            Assert.IsType(descriptor.GrainClass, descriptor.Create(context));
        }
        catch (InvalidOperationException exception) when (exception.TargetSite?.DeclaringType == typeof(Grain))
        {
            // Expected: the Grain constructor needs the runtime's construction scope.
        }
    }
}
