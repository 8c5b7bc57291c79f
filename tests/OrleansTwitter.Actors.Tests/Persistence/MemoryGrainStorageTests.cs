using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Persistence;

public sealed class MemoryGrainStorageTests : GrainStorageContractTests, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMemoryGrainStorage().BuildServiceProvider();

    protected override IGrainStorage CreateStorage() => _services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

    [Fact]
    public void Registration_is_a_keyed_singleton_per_name()
    {
        using var services = new ServiceCollection().AddMemoryGrainStorage().AddMemoryGrainStorage("other").BuildServiceProvider();

        var first = services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

        Assert.IsType<MemoryGrainStorage>(first);
        Assert.Same(first, services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.NotSame(first, services.GetRequiredKeyedService<IGrainStorage>("other"));
    }

    public void Dispose() => _services.Dispose();
}
