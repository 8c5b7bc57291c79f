using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Persistence;

/// <summary>
/// The <see cref="IGrainStorage"/> contract, run against every provider by a subclass per
/// provider. Each test uses its own grain keys.
/// </summary>
public abstract class GrainStorageContractTests
{
    private const string StateName = "profile";
    private const int RaceRounds = 50;
    private static readonly TimeSpan BarrierTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A provider for one test; the subclass owns and cleans up what it creates.</summary>
    protected abstract IGrainStorage CreateStorage();

    protected static GrainId NewGrainId(string key) => GrainId.FromString("contract", $"{key}-{Guid.NewGuid():N}");

    protected static GrainState<TestState> Holder(string text = "") => new(new TestState { Text = text });

    protected static async Task<GrainState<TestState>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var holder = Holder();
        await storage.ReadStateAsync(stateName, grainId, holder);
        return holder;
    }

    [Fact]
    public async Task Read_without_a_record_leaves_state_and_reports_none()
    {
        var storage = CreateStorage();
        var original = new TestState { Text = "untouched" };
        var holder = new GrainState<TestState>(original) { ETag = "stale", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrainId("missing"), holder);

        Assert.Same(original, holder.State);
        Assert.Null(holder.ETag);
        Assert.False(holder.RecordExists);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("roundtrip");
        var written = new GrainState<TestState>(new TestState { Text = "hello", Count = 42, Tags = ["a", "b"] });

        await storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(storage, grainId);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("hello", read.State.Text);
        Assert.Equal(42, read.State.Count);
        Assert.Equal(["a", "b"], read.State.Tags);
    }

    [Fact]
    public async Task Each_write_gets_a_new_etag_and_the_latest_wins()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("sequence");
        var holder = Holder("one");
        await storage.WriteStateAsync(StateName, grainId, holder);
        var first = holder.ETag;

        holder.State = new TestState { Text = "two" };
        await storage.WriteStateAsync(StateName, grainId, holder);

        Assert.NotEqual(first, holder.ETag);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("two", read.State.Text);
        Assert.Equal(holder.ETag, read.ETag);
    }

    [Fact]
    public async Task Stored_value_does_not_alias_the_live_state()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("alias");
        var holder = Holder("stored");
        await storage.WriteStateAsync(StateName, grainId, holder);

        holder.State.Text = "mutated after the write";
        holder.State.Tags.Add("x");
        var first = await ReadAsync(storage, grainId);
        first.State.Text = "mutated after the read";
        var second = await ReadAsync(storage, grainId);

        Assert.Equal("stored", second.State.Text);
        Assert.Empty(second.State.Tags);
        Assert.NotSame(first.State, second.State);
    }

    [Fact]
    public async Task State_names_of_one_grain_are_separate_records()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("names");
        await storage.WriteStateAsync("first", grainId, Holder("1"));
        await storage.WriteStateAsync("second", grainId, Holder("2"));

        Assert.Equal("1", (await ReadAsync(storage, grainId, "first")).State.Text);
        Assert.Equal("2", (await ReadAsync(storage, grainId, "second")).State.Text);
    }

    [Fact]
    public async Task Write_with_an_etag_when_no_record_exists_is_rejected()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("phantom");
        var holder = new GrainState<TestState>(new TestState()) { ETag = "1" };

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, holder));

        Assert.Contains(StateName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(grainId.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal("1", ex.CurrentEtag);
        Assert.Null(ex.StoredEtag);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task Write_with_no_etag_when_a_record_exists_is_rejected()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("exists");
        var original = Holder("original");
        await storage.WriteStateAsync(StateName, grainId, original);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, Holder("intruder")));

        Assert.Equal(original.ETag, ex.StoredEtag);
        Assert.Null(ex.CurrentEtag);
        Assert.Contains(original.ETag!, ex.Message, StringComparison.Ordinal);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("original", read.State.Text);
        Assert.Equal(original.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_rejected_and_keeps_the_newer_value()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("stale");
        await storage.WriteStateAsync(StateName, grainId, Holder("v1"));
        var stale = await ReadAsync(storage, grainId);
        var fresh = await ReadAsync(storage, grainId);
        fresh.State.Text = "v2";
        await storage.WriteStateAsync(StateName, grainId, fresh);

        stale.State.Text = "lost update";
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(fresh.ETag, ex.StoredEtag);
        Assert.Equal(stale.ETag, ex.CurrentEtag);
        Assert.Equal("v2", (await ReadAsync(storage, grainId)).State.Text);
    }

    [Fact]
    public async Task Clear_then_write_with_no_etag_succeeds()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("clear");
        var holder = Holder("before");
        await storage.WriteStateAsync(StateName, grainId, holder);
        var clearedETag = holder.ETag;

        await storage.ClearStateAsync(StateName, grainId, holder);
        Assert.Null(holder.ETag);
        Assert.False(holder.RecordExists);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);

        holder.State = new TestState { Text = "after" };
        await storage.WriteStateAsync(StateName, grainId, holder);

        Assert.NotEqual(clearedETag, holder.ETag);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("after", read.State.Text);
        Assert.Equal(holder.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_keeps_the_record()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("clear-stale");
        await storage.WriteStateAsync(StateName, grainId, Holder("v1"));
        var stale = await ReadAsync(storage, grainId);
        var fresh = await ReadAsync(storage, grainId);
        await storage.WriteStateAsync(StateName, grainId, fresh);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Equal(fresh.ETag, (await ReadAsync(storage, grainId)).ETag);
    }

    [Fact]
    public async Task Clear_with_an_etag_when_no_record_exists_is_rejected_and_without_one_is_a_no_op()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("clear-missing");

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, new GrainState<TestState>(new TestState()) { ETag = "7" }));
        await storage.ClearStateAsync(StateName, grainId, Holder());

        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_never_matches_the_record_written_after_it()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("aba");
        await storage.WriteStateAsync(StateName, grainId, Holder("old"));
        var duplicate = await ReadAsync(storage, grainId);
        var owner = await ReadAsync(storage, grainId);

        await storage.ClearStateAsync(StateName, grainId, owner);
        await storage.WriteStateAsync(StateName, grainId, owner);

        duplicate.State.Text = "from a stale activation";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, duplicate));
        Assert.Equal(owner.ETag, (await ReadAsync(storage, grainId)).ETag);
    }

    [Fact]
    public async Task Racing_writers_with_the_same_etag_have_exactly_one_winner()
    {
        var storage = CreateStorage();
        await RaceAsync(storage, storage, NewGrainId("race"));
    }

    [Fact]
    public async Task State_that_cannot_be_serialized_fails_with_a_message_naming_it()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId("cyclic");
        var cyclic = new CyclicState();
        cyclic.Next = cyclic;

        var ex = await Assert.ThrowsAsync<GrainStorageException>(
            () => storage.WriteStateAsync("links", grainId, new GrainState<CyclicState>(cyclic)));

        Assert.Contains(nameof(CyclicState), ex.Message, StringComparison.Ordinal);
        Assert.Contains("'links'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(grainId.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.False((await ReadAsync(storage, grainId, "links")).RecordExists);
    }

    public static TheoryData<string> AwkwardKeys() => new(
        "a/b",
        "a%2Fb",
        "a_b",
        "..",
        ".",
        "../../escape",
        "with spaces and\ttabs",
        "ünïcødé 用户 🐦",
        "CON",
        "",
        new string('k', 1000),
        new string('/', 1000));

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task Awkward_keys_round_trip(string key)
    {
        var storage = CreateStorage();
        var grainId = GrainId.FromString($"awkward-{Guid.NewGuid():N}", key);

        await storage.WriteStateAsync(StateName, grainId, Holder(key));
        var read = await ReadAsync(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(key, read.State.Text);
    }

    [Fact]
    public async Task Distinct_keys_never_share_a_record()
    {
        var storage = CreateStorage();
        var grainType = $"distinct-{Guid.NewGuid():N}";
        var longKey = new string('x', 1000);
        string[] keys =
        [
            "a/b", "a%2Fb", "a%252Fb", "a_b", "a b", "a+b", "A/B", "..", ".", "...", "", "~empty",
            "ü", "u\u0308", "\ud800", "\udc00", longKey, longKey + "y", longKey[..^1] + "y",
        ];

        // The payload is the key's index: some keys (unpaired surrogates) are not valid text to store.
        for (var i = 0; i < keys.Length; i++)
        {
            await storage.WriteStateAsync(StateName, GrainId.FromString(grainType, keys[i]), Holder($"#{i}"));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var read = await ReadAsync(storage, GrainId.FromString(grainType, keys[i]));
            Assert.Equal($"#{i}", read.State.Text);
        }
    }

    /// <summary>
    /// Per round: both writers read the same ETag, meet at a barrier so their writes really
    /// overlap, then write. Exactly one may win, and the stored value must be the winner's.
    /// </summary>
    protected static async Task RaceAsync(IGrainStorage first, IGrainStorage second, GrainId grainId)
    {
        await first.WriteStateAsync(StateName, grainId, Holder("seed"));
        using var barrier = new Barrier(2);
        for (var round = 0; round < RaceRounds; round++)
        {
            var a = await ReadAsync(first, grainId);
            var b = await ReadAsync(second, grainId);
            Assert.Equal(a.ETag, b.ETag);
            a.State.Text = $"a{round}";
            b.State.Text = $"b{round}";

            var outcomes = await Task.WhenAll(
                Task.Run(() => WriteAfterBarrierAsync(first, grainId, a, barrier)),
                Task.Run(() => WriteAfterBarrierAsync(second, grainId, b, barrier)));

            Assert.Single(outcomes, outcome => outcome is null);
            Assert.Single(outcomes, outcome => outcome is InconsistentStateException);
            var winner = outcomes[0] is null ? a : b;
            var stored = await ReadAsync(first, grainId);
            Assert.Equal(winner.State.Text, stored.State.Text);
            Assert.Equal(winner.ETag, stored.ETag);
        }
    }

    private static async Task<Exception?> WriteAfterBarrierAsync(IGrainStorage storage, GrainId grainId, GrainState<TestState> holder, Barrier barrier)
    {
        Assert.True(barrier.SignalAndWait(BarrierTimeout), "the other writer never reached the barrier");
        try
        {
            await storage.WriteStateAsync(StateName, grainId, holder);
            return null;
        }
        catch (InconsistentStateException ex)
        {
            return ex;
        }
    }
}
