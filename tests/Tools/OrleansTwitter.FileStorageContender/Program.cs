using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

// Usage: <root folder> <grain key> <increments>
// Read-increment-write with the ETag; a lost race re-reads and tries again. If the provider
// ever let two processes both win a round, the final count would fall short.
if (args.Length != 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var increments))
{
    Console.Error.WriteLine("usage: OrleansTwitter.FileStorageContender <root folder> <grain key> <increments>");
    return 2;
}

var storage = new FileGrainStorage(
    "contender", new FileGrainStorageOptions { RootPath = args[0] }, TimeProvider.System, NullLogger<FileGrainStorage>.Instance);
var grainId = new GrainId("counter", args[1]);
var state = new GrainState<Counter>(new Counter());
var conflicts = 0;
for (var done = 0; done < increments;)
{
    await storage.ReadStateAsync("count", grainId, state);
    state.State.Value++;
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
