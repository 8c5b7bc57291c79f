using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.SystemTests.Infrastructure;

namespace OrleansTwitter.SystemTests.Persistence;

[Trait("Category", "System")]
public sealed class FileStorageProcessTests : IDisposable
{
    private const int Processes = 3;
    private const int IncrementsEach = 200;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-file-contention-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Processes_sharing_a_folder_never_lose_an_acknowledged_write()
    {
        var contenders = Enumerable.Range(0, Processes)
            .Select(_ => HostProcess.Start(HostProcess.ContenderAssemblyPath, _folder, _folder, "shared", IncrementsEach.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        try
        {
            foreach (var contender in contenders)
            {
                Assert.Equal(0, await contender.WaitForExitAsync(TimeSpan.FromMinutes(3)));
            }
        }
        finally
        {
            foreach (var contender in contenders)
            {
                await contender.DisposeAsync();
            }
        }

        var storage = new FileGrainStorage("check", new FileGrainStorageOptions { RootPath = _folder }, TimeProvider.System, NullLogger<FileGrainStorage>.Instance);
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("count", new GrainId("counter", "shared"), state);

        Assert.Equal(Processes * IncrementsEach, state.State.Value);
        Assert.Equal((Processes * IncrementsEach).ToString(System.Globalization.CultureInfo.InvariantCulture), state.ETag);
        // The processes really contended, or this test proved nothing.
        Assert.Contains(contenders, c => !c.Output.Contains(" 0 lost races", StringComparison.Ordinal));
    }

    private sealed class CounterState
    {
        public int Value { get; set; }
    }
}
