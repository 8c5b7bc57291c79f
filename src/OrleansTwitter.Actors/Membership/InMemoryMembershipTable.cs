namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// A membership table inside one process: for the embedded default and for several silos in
/// one process (TestCluster), which share one instance.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipEntry> _rows = [];
    private long _version;

    public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipSnapshot(_version, [.. _rows.Values.OrderBy(e => e.Silo)]));
        }
    }

    public Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = entry;
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(silo, out var row) && time > row.IAmAliveTime)
            {
                _rows[silo] = row with { IAmAliveTime = time };
            }
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _rows.Clear();
            _version = 0;
        }

        return Task.CompletedTask;
    }
}
