using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Lifecycle;

/// <summary>A silo on a manual clock, with a journal the lifecycle grains report to.</summary>
internal static class LifecycleTestSilo
{
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static Task<TestSilo> StartAsync(ManualTimeProvider clock, LifecycleJournal journal) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.Services.AddSingleton(journal);
                silo.Services.Configure<GrainCollectionOptions>(o =>
                {
                    o.CollectionAge = CollectionAge;
                    o.CollectionQuantum = CollectionQuantum;
                });
            },
            clock);
}
