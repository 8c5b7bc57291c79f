using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansTwitter.FileStorageContender;
using OrleansTwitter.Hosting.Storage;

// Usage: <root folder> <grain key> <increments>   increments the record, racing other processes
//        --read <root folder> <grain key>          prints the record's value and version (ETag)
// Each increment is a read, then a write conditional on the ETag read; a lost race re-reads and
// tries again. If the provider ever let two processes both win a round, the final count falls short.
const string StateName = "count";
var read = args.Length == 3 && args[0] == "--read";
var increments = 0;
if (!read && (args.Length != 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out increments)))
{
    Console.Error.WriteLine("usage: OrleansTwitter.FileStorageContender <root folder> <grain key> <increments> | --read <root folder> <grain key>");
    return 2;
}

var (root, key) = read ? (args[1], args[2]) : (args[0], args[1]);
var storage = new FileGrainStorage(
    "contender",
    new FileGrainStorageOptions { RootPath = root },
    new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
    TimeProvider.System,
    NullLogger<FileGrainStorage>.Instance);
var grainId = GrainId.Create("counter", key);
var state = new GrainState<Counter>(new Counter());
if (read)
{
    await storage.ReadStateAsync(StateName, grainId, state);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value {Read(state).Value} version {state.ETag}"));
    return 0;
}

var conflicts = 0;
for (var done = 0; done < increments;)
{
    await storage.ReadStateAsync(StateName, grainId, state);
    Read(state).Value++;
    try
    {
        await storage.WriteStateAsync(StateName, grainId, state);
        done++;
    }
    catch (InconsistentStateException)
    {
        conflicts++;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done: {increments} increments, {conflicts} lost races"));
return 0;

// The provider gives a fresh instance when there is no record, so a read always leaves one.
static Counter Read(GrainState<Counter> state) => state.State ?? throw new InvalidOperationException("The storage read left no state.");
