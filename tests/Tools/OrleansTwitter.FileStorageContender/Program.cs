using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansTwitter.Hosting.Storage;

// Usage: <root folder> <grain key> <increments> [--wait-for-go]
// Read-increment-write with the ETag; a lost race re-reads and tries again. If the provider
// ever let two processes both win a round, the final count would fall short.
// With --wait-for-go it prints "ready" and starts on a line from standard input, so a test can
// start several contenders at once instead of one after another's start-up.
const string Usage = "usage: OrleansTwitter.FileStorageContender <root folder> <grain key> <increments> [--wait-for-go]";
if (args.Length is < 3 or > 4
    || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var increments)
    || (args.Length == 4 && args[3] != "--wait-for-go"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// The provider as a silo registers it, with the serializer a silo configured by
// OrleansTwitter.Hosting uses (System.Text.Json).
await using var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddSingleton<IGrainStorageSerializer>(new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())))
    .AddFileGrainStorage("contender", new FileGrainStorageOptions { RootPath = args[0] })
    .BuildServiceProvider();
var storage = services.GetRequiredKeyedService<IGrainStorage>("contender");
var grainId = GrainId.Create("counter", args[1]);
var state = new GrainState<Counter>(new Counter());
var conflicts = 0;
if (args.Length == 4)
{
    // A first read loads and compiles the provider's code, so the contenders start level.
    await storage.ReadStateAsync("count", grainId, state);
    Console.WriteLine("ready");
    if (Console.ReadLine() is null)
    {
        Console.Error.WriteLine("standard input closed before the go line");
        return 3;
    }
}

for (var done = 0; done < increments;)
{
    await storage.ReadStateAsync("count", grainId, state);
    state.State!.Value++; // a read always leaves a state: the stored one or a fresh one
    try
    {
        await storage.WriteStateAsync("count", grainId, state);
        done++;
    }
    catch (InconsistentStateException)
    {
        conflicts++;
    }
}

Console.WriteLine($"done: {increments} increments, {conflicts} lost races");
return 0;

internal sealed class Counter
{
    public int Value { get; set; }
}
