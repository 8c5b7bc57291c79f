using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Tests.Shared.Membership;

/// <summary>
/// What every <see cref="IMembershipTable"/> must do, run against each implementation: a test
/// class derives from this one and says how to create a fresh, empty table. The in-memory table
/// is the reference; these tests are its behaviour written down.
/// </summary>
/// <remarks>Linked into each test project that has a table implementation (tests/Shared).</remarks>
public abstract class MembershipTableContractTests : IAsyncLifetime
{
    private const int ConcurrentRounds = 20;
    private const int ConcurrentWriters = 8;

    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 9, 30, 15, TimeSpan.Zero);

    private readonly List<IMembershipTable> _tables = [];

    /// <summary>A new table that no other test uses, empty, at version 0.</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in _tables)
        {
            switch (table)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    [Fact]
    public async Task An_empty_table_reads_version_0_with_no_rows()
    {
        var table = await NewTableAsync();

        var snapshot = await table.ReadAsync();

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task A_write_with_the_current_version_succeeds_and_bumps_the_version()
    {
        var table = await NewTableAsync();
        var second = Row(Silo("10.0.0.2"), SiloStatus.Joining);
        var first = Row(Silo("10.0.0.1"), SiloStatus.Active);

        Assert.True(await table.TryWriteAsync(second, 0));
        Assert.True(await table.TryWriteAsync(first, 1));

        var snapshot = await table.ReadAsync();
        Assert.Equal(2, snapshot.Version);
        Assert.Collection(
            snapshot.Entries,
            row => AssertSameRow(first, row),
            row => AssertSameRow(second, row));
    }

    [Fact]
    public async Task A_write_replaces_the_silos_row()
    {
        var table = await NewTableAsync();
        var joining = Row(Silo("10.0.0.1"), SiloStatus.Joining);
        var active = joining.WithStatus(SiloStatus.Active) with { IAmAliveTime = s_start.AddSeconds(5) };
        Assert.True(await table.TryWriteAsync(joining, 0));

        Assert.True(await table.TryWriteAsync(active, 1));

        var snapshot = await table.ReadAsync();
        Assert.Equal(2, snapshot.Version);
        AssertSameRow(active, Assert.Single(snapshot.Entries));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task A_write_with_another_version_fails_and_changes_nothing(long staleVersion)
    {
        var table = await NewTableAsync();
        var existing = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(existing, 0));

        Assert.False(await table.TryWriteAsync(existing.WithStatus(SiloStatus.Dead), staleVersion));
        Assert.False(await table.TryWriteAsync(Row(Silo("10.0.0.2"), SiloStatus.Joining), staleVersion));

        var snapshot = await table.ReadAsync();
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(existing, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task Of_many_concurrent_writers_from_one_snapshot_exactly_one_wins()
    {
        var table = await NewTableAsync();
        for (var round = 1; round <= ConcurrentRounds; round++)
        {
            var snapshot = await table.ReadAsync();
            var rows = Enumerable.Range(1, ConcurrentWriters)
                .Select(writer => Row(Silo($"10.0.{round}.{writer}", generation: round), SiloStatus.Joining))
                .ToList();

            var results = await RaceAsync(rows.Select<MembershipEntry, Func<Task<bool>>>(row => () => table.TryWriteAsync(row, snapshot.Version)));

            var winner = Assert.Single(rows.Where((_, index) => results[index]));
            var after = await table.ReadAsync();
            Assert.Equal(snapshot.Version + 1, after.Version);
            Assert.Equal(round, after.Entries.Count);
            AssertSameRow(winner, after.Find(winner.Silo));
            Assert.All(rows.Where(row => row != winner), loser => Assert.Null(after.Find(loser.Silo)));
        }
    }

    [Fact]
    public async Task I_am_alive_updates_the_time_of_an_existing_row_without_changing_the_version()
    {
        var table = await NewTableAsync();
        var row = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(row, 0));
        var later = s_start.AddSeconds(7).AddTicks(1234567);

        await table.UpdateIAmAliveAsync(row.Silo, later);

        var snapshot = await table.ReadAsync();
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(row with { IAmAliveTime = later }, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task I_am_alive_never_moves_the_time_back()
    {
        var table = await NewTableAsync();
        var row = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(row, 0));
        var later = s_start.AddSeconds(10);
        await table.UpdateIAmAliveAsync(row.Silo, later);

        await table.UpdateIAmAliveAsync(row.Silo, s_start.AddSeconds(3));

        AssertSameRow(row with { IAmAliveTime = later }, Assert.Single((await table.ReadAsync()).Entries));
    }

    [Fact]
    public async Task I_am_alive_for_a_silo_without_a_row_does_nothing()
    {
        var table = await NewTableAsync();
        var row = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(row, 0));

        await table.UpdateIAmAliveAsync(Silo("10.0.0.9"), s_start.AddSeconds(1));
        await table.UpdateIAmAliveAsync(row.Silo with { Generation = row.Silo.Generation + 1 }, s_start.AddSeconds(1));

        var snapshot = await table.ReadAsync();
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(row, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task A_write_after_i_am_alive_stores_the_written_time()
    {
        var table = await NewTableAsync();
        var row = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(row, 0));
        await table.UpdateIAmAliveAsync(row.Silo, s_start.AddSeconds(30));

        // A write replaces the whole row, time included, as the caller built it.
        var shuttingDown = row with { Status = SiloStatus.ShuttingDown, IAmAliveTime = s_start.AddSeconds(20) };
        Assert.True(await table.TryWriteAsync(shuttingDown, 1));

        AssertSameRow(shuttingDown, Assert.Single((await table.ReadAsync()).Entries));
    }

    [Fact]
    public async Task Rows_round_trip_every_field_exactly()
    {
        var table = await NewTableAsync();
        var voterA = new SiloAddress("10.1.0.7", 11112, 638_700_000_000_000_001);
        var voterB = new SiloAddress("fe80::1", 11111, 42);
        var rows = new[]
        {
            new MembershipEntry(new SiloAddress("silo-a.cluster.local", 11111, 638_699_999_999_999_999), SiloStatus.Created, 0,
                new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(5.5)).AddTicks(1234567),
                new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.FromHours(-8)).AddTicks(7654321), []),
            new MembershipEntry(new SiloAddress("::1", 65535, long.MaxValue), SiloStatus.Joining, 30000, s_start, s_start, []),
            new MembershipEntry(new SiloAddress("10.0.0.1", 1, 1), SiloStatus.Active, 30001, s_start.AddTicks(1), s_start.AddTicks(2),
                [new SuspicionVote(voterA, s_start.AddMilliseconds(1.5)), new SuspicionVote(voterB, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromMinutes(-150)))]),
            new MembershipEntry(new SiloAddress("10.0.0.2", 11111, 7), SiloStatus.ShuttingDown, 30002, s_start, s_start.AddDays(1), [new SuspicionVote(voterA, s_start)]),
            new MembershipEntry(new SiloAddress("10.0.0.3", 11111, 8), SiloStatus.Dead, 30003, DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
                [new SuspicionVote(voterA, s_start), new SuspicionVote(voterB, s_start.AddSeconds(1)), new SuspicionVote(voterA, s_start.AddSeconds(2))]),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(await table.TryWriteAsync(rows[i], i));
        }

        var snapshot = await table.ReadAsync();

        Assert.Equal(rows.Length, snapshot.Version);
        Assert.Equal(rows.Select(r => r.Silo).Order(), snapshot.Entries.Select(r => r.Silo));
        foreach (var row in rows)
        {
            AssertSameRow(row, snapshot.Find(row.Silo));
        }
    }

    [Fact]
    public async Task Clear_empties_the_table_and_a_write_at_version_0_then_succeeds()
    {
        var table = await NewTableAsync();
        var row = Row(Silo("10.0.0.1"), SiloStatus.Active);
        Assert.True(await table.TryWriteAsync(row, 0));
        Assert.True(await table.TryWriteAsync(Row(Silo("10.0.0.2"), SiloStatus.Active), 1));

        await table.ClearAsync();

        var cleared = await table.ReadAsync();
        Assert.Equal(0, cleared.Version);
        Assert.Empty(cleared.Entries);
        await table.UpdateIAmAliveAsync(row.Silo, s_start.AddSeconds(1));
        Assert.Empty((await table.ReadAsync()).Entries);
        Assert.True(await table.TryWriteAsync(row, 0));
        AssertSameRow(row, Assert.Single((await table.ReadAsync()).Entries));
    }

    [Fact]
    public async Task Clearing_an_empty_table_is_harmless()
    {
        var table = await NewTableAsync();

        await table.ClearAsync();

        Assert.Equal(0, (await table.ReadAsync()).Version);
    }

    /// <summary>Creates a table and disposes it, if disposable, after the test.</summary>
    protected async Task<IMembershipTable> NewTableAsync()
    {
        var table = await CreateTableAsync();
        _tables.Add(table);
        return table;
    }

    /// <summary>
    /// Starts every write at once (each waits on one gate, on its own thread) and returns their
    /// results in order, so writers really overlap instead of running one after another.
    /// </summary>
    protected static async Task<bool[]> RaceAsync(IEnumerable<Func<Task<bool>>> writes)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = writes.Select(write => Task.Run(async () =>
        {
            await gate.Task;
            return await write();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(racing).WaitAsync(TimeSpan.FromSeconds(30));
    }

    protected static SiloAddress Silo(string host, int port = 11111, long generation = 1) => new(host, port, generation);

    protected static MembershipEntry Row(SiloAddress silo, SiloStatus status) =>
        new(silo, status, 30000, s_start, s_start.AddSeconds(1), []);

    /// <summary>
    /// Field by field: records compare lists by reference, and <see cref="DateTimeOffset"/>
    /// equality ignores the offset, so neither would prove an exact round trip.
    /// </summary>
    protected static void AssertSameRow(MembershipEntry expected, MembershipEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Silo, actual.Silo);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.GatewayPort, actual.GatewayPort);
        AssertSameTime(expected.StartTime, actual.StartTime);
        AssertSameTime(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.Suspicions.Count, actual.Suspicions.Count);
        foreach (var (vote, readVote) in expected.Suspicions.Zip(actual.Suspicions))
        {
            Assert.Equal(vote.Voter, readVote.Voter);
            AssertSameTime(vote.Time, readVote.Time);
        }
    }

    private static void AssertSameTime(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(expected.EqualsExact(actual), $"Expected {expected:O}, read {actual:O}.");
}
