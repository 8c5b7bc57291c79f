namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>
/// Chirper's design, as the Orleans sample builds it: the followers in grain storage (read when
/// the grain wakes), a bounded list of received chirps in memory (800, as the product's
/// timeline), and a post that awaits one call per follower, which wakes any follower that is
/// not in memory.
/// </summary>
internal sealed class ChirperGrain([PersistentState(ChirperState.Name)] IPersistentState<ChirperState> state) : Grain, IChirperGrain
{
    /// <summary>Entries a timeline keeps, as the product's <c>Timeline:Capacity</c>.</summary>
    internal const int Capacity = 800;

    // Newest last, so that adding is an append; a read walks it from the end.
    private readonly List<ChirpEntry> _timeline = [];

    public Task SetFollowersAsync(int[] followers)
    {
        state.State.Followers = followers;
        return state.WriteStateAsync();
    }

    public Task SetTimelineAsync(ChirpEntry[] entries)
    {
        _timeline.Clear();
        for (var i = Math.Min(entries.Length, Capacity) - 1; i >= 0; i--)
        {
            _timeline.Add(entries[i]);
        }

        return Task.CompletedTask;
    }

    public Task PostAsync(ChirpEntry chirp)
    {
        Add(chirp);
        var followers = state.State.Followers;
        var calls = new Task[followers.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = GrainFactory.GetGrain<IChirperGrain>(followers[i]).ReceiveAsync(chirp);
        }

        return Task.WhenAll(calls);
    }

    public Task ReceiveAsync(ChirpEntry chirp)
    {
        Add(chirp);
        return Task.CompletedTask;
    }

    public Task<ChirpEntry[]> ReadAsync(int limit)
    {
        var count = Math.Min(limit, _timeline.Count);
        var page = new ChirpEntry[count];
        for (var i = 0; i < count; i++)
        {
            page[i] = _timeline[_timeline.Count - 1 - i];
        }

        return Task.FromResult(page);
    }

    private void Add(ChirpEntry chirp)
    {
        if (_timeline.Count == Capacity)
        {
            // The oldest goes; a List shift of 800 references is cheaper than it sounds next to a grain call.
            _timeline.RemoveAt(0);
        }

        _timeline.Add(chirp);
    }
}
