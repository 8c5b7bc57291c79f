using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Core;

public sealed class ActorsManifestTests
{
    [Fact]
    public void The_generated_manifest_of_this_assembly_resolves_interfaces_to_their_grain_types()
    {
        var manifest = ActorsManifest.FromAssemblies([typeof(ActorsManifestTests).Assembly]);

        Assert.Equal("lifecycle", manifest.ResolveGrainType(typeof(ILifecycleGrain)));
        Assert.Equal("reentrantturnprobe", manifest.ResolveGrainType(typeof(IReentrantTurnProbeGrain)));
        Assert.True(manifest.TryGetGrainClass("callchain", out var callChain));
        Assert.False(callChain.IsReentrant);
        Assert.True(manifest.TryGetGrainClass("reentrantcallchain", out var reentrant));
        Assert.True(reentrant.IsReentrant);
    }

    [Fact]
    public void Two_interfaces_with_the_same_id_stop_start_up_with_both_names()
    {
        var builder = new ActorsManifestBuilder();
        builder.AddInterface(new GrainInterfaceDescriptor(typeof(ILifecycleGrain), 42, (_, _) => null!, []));
        builder.AddInterface(new GrainInterfaceDescriptor(typeof(IFaultyGrain), 42, (_, _) => null!, []));

        var error = Assert.Throws<InvalidOperationException>(() => ActorsManifest.FromBuilder(builder));

        Assert.Contains(nameof(ILifecycleGrain), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IFaultyGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_grain_classes_with_the_same_grain_type_stop_start_up_with_a_fix()
    {
        var builder = new ActorsManifestBuilder();
        builder.AddGrainClass(new GrainClassDescriptor(typeof(LifecycleGrain), "same", false, [typeof(ILifecycleGrain)], _ => null!));
        builder.AddGrainClass(new GrainClassDescriptor(typeof(FaultyGrain), "same", false, [typeof(IFaultyGrain)], _ => null!));

        var error = Assert.Throws<InvalidOperationException>(() => ActorsManifest.FromBuilder(builder));

        Assert.Contains("[GrainType(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interface_without_an_implementation_cannot_be_resolved_and_the_error_says_why()
    {
        var manifest = ActorsManifest.FromBuilder(new ActorsManifestBuilder());

        var error = Assert.Throws<ArgumentException>(() => manifest.ResolveGrainType(typeof(ILifecycleGrain)));

        Assert.Contains("No grain class implements", error.Message, StringComparison.Ordinal);
    }
}
