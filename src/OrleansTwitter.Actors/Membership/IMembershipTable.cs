namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// The cluster's membership table: versioned, and written only with compare-and-swap on the
/// table version, so two silos that decide from the same snapshot cannot both win.
/// </summary>
/// <remarks>
/// I-am-alive heartbeats are the exception: they update one row's time without a version
/// check (nothing else depends on their order), so heartbeats never contend with votes.
/// A table that has lost its data (a Redis restart) reads as empty at version 0; silos then
/// write their rows again.
/// </remarks>
public interface IMembershipTable
{
    Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces <paramref name="entry"/>'s row and sets the table version to
    /// <paramref name="expectedVersion"/> + 1, only if the version is still
    /// <paramref name="expectedVersion"/>. False when another writer got there first.
    /// </summary>
    Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Updates the I-am-alive time of <paramref name="silo"/>'s row, if the row exists.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>Removes every row of the cluster (tests and operators resetting a cluster id).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
