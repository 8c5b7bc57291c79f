using System.Globalization;
using System.Text.RegularExpressions;
using OrleansTwitter.SystemTests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Persistence;

/// <summary>
/// The <c>File</c> grain storage shared by several processes, as silos on one machine share
/// <c>Storage:Path</c>: processes racing read-increment-write on one record through the real
/// provider never lose an acknowledged write.
/// </summary>
[Trait("Category", "System")]
public sealed partial class FileStorageProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int Processes = 3;
    private const int IncrementsEach = 200;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-file-contention-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Processes_racing_on_one_record_lose_no_acknowledged_write()
    {
        var contenders = Enumerable.Range(1, Processes)
            .Select(i => HostProcess.Start($"contender {i}", HostProcess.ContenderAssemblyPath, _folder, _folder, "shared", Invariant(IncrementsEach)))
            .ToList();
        var lostRaces = 0;
        try
        {
            foreach (var contender in contenders)
            {
                Assert.Equal(0, await contender.WaitForExitAsync(RunTimeout));
                var done = DoneLine().Match(contender.Output);
                Assert.True(done.Success, $"{contender.Name} wrote no summary: {contender.Output}");
                Assert.Equal(IncrementsEach, int.Parse(done.Groups["acknowledged"].Value, CultureInfo.InvariantCulture));
                lostRaces += int.Parse(done.Groups["lost"].Value, CultureInfo.InvariantCulture);
                output.WriteLine($"{contender.Name}: {done.Value}");
            }
        }
        finally
        {
            foreach (var contender in contenders)
            {
                await contender.DisposeAsync();
            }
        }

        await using var reader = HostProcess.Start("reader", HostProcess.ContenderAssemblyPath, _folder, "--read", _folder, "shared");
        Assert.Equal(0, await reader.WaitForExitAsync(RunTimeout));

        // Every acknowledged write counted once, and each took the next version.
        var total = Invariant(Processes * IncrementsEach);
        Assert.Equal($"value {total} version {total}", reader.Output.Trim());

        // The processes really raced, or this test proved nothing.
        Assert.True(lostRaces > 0, "no write ever lost a race: the processes did not contend");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"done: (?<acknowledged>\d+) increments, (?<lost>\d+) lost races")]
    private static partial Regex DoneLine();
}
