using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// One silo's part in membership: it writes its own row (joining, active, shutting down,
/// dead), keeps its view of the table current, casts votes against silos that stop answering,
/// and stops its silo if the table says it is dead (fencing: a silo the others gave up on
/// must not keep serving grains they have re-placed).
/// </summary>
internal sealed class MembershipService : IAsyncDisposable
{
    // Table writes are compare-and-swap; under contention a writer re-reads and tries again.
    private const int MaxWriteAttempts = 20;

    private readonly IMembershipTable _table;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<string> _fence;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly int _gatewayPort;
    private readonly DateTimeOffset _startTime;
    private SiloStatus _ownStatus = SiloStatus.Created;
    private MembershipView _view = MembershipView.Empty;
    private Task _loops = Task.CompletedTask;

    public MembershipService(IMembershipTable table, ClusterMembershipOptions options, SiloAddress self, int gatewayPort, TimeProvider time, ILogger logger, Action<string> fence)
    {
        _table = table;
        _options = options;
        Self = self;
        _gatewayPort = gatewayPort;
        _time = time;
        _logger = logger;
        _fence = fence;
        _startTime = time.GetUtcNow();
    }

    public SiloAddress Self { get; }

    public MembershipView View => Volatile.Read(ref _view);

    public ClusterMembershipOptions Options => _options;

    /// <summary>Raised, on a thread-pool thread, after the view changes.</summary>
    public event Action<MembershipView>? ViewChanged;

    /// <summary>Writes the silo's row as Joining, then Active, and starts refreshing and heartbeating.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await WriteOwnStatusAsync(SiloStatus.Joining, cancellationToken);
        await WriteOwnStatusAsync(SiloStatus.Active, cancellationToken);
        await RefreshAsync(cancellationToken);
        _loops = Task.WhenAll(RefreshLoopAsync(), IAmAliveLoopAsync());
    }

    /// <summary>Writes the silo's own status (ShuttingDown, Dead) with compare-and-swap.</summary>
    public async Task WriteOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        _ownStatus = status;
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var snapshot = await _table.ReadAsync(cancellationToken);
            var now = _time.GetUtcNow();
            var row = snapshot.Find(Self) ?? new MembershipEntry(Self, status, _gatewayPort, _startTime, now, []);
            if (await _table.TryWriteAsync(row with { Status = status, IAmAliveTime = now }, snapshot.Version, cancellationToken))
            {
                MembershipLog.OwnStatus(_logger, Self.ToString(), status);
                await RefreshAsync(cancellationToken);
                return;
            }
        }

        throw new InvalidOperationException($"Could not write status {status} for {Self} after {MaxWriteAttempts} attempts: the membership table is too contended.");
    }

    /// <summary>Reads the table now, updating the view; re-registers if the row vanished; fences if it says Dead.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping.IsCancellationRequested)
        {
            // Halted (killed): it must not re-register its row, and its view no longer matters.
            return;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await _table.ReadAsync(cancellationToken);
            var own = snapshot.Find(Self);
            if (own is null && _ownStatus is SiloStatus.Active or SiloStatus.Joining)
            {
                // The table lost its data (a Redis restart): write our row again rather than
                // treat the missing row as fatal.
                MembershipLog.Reregistering(_logger, Self.ToString(), snapshot.Version);
                var now = _time.GetUtcNow();
                await _table.TryWriteAsync(new MembershipEntry(Self, _ownStatus, _gatewayPort, _startTime, now, []), snapshot.Version, cancellationToken);
                snapshot = await _table.ReadAsync(cancellationToken);
                own = snapshot.Find(Self);
            }

            if (own?.Status == SiloStatus.Dead && _ownStatus != SiloStatus.Dead)
            {
                _ownStatus = SiloStatus.Dead;
                MembershipLog.DeclaredDead(_logger, Self.ToString());
                _fence($"The membership table declares {Self} dead (suspected by {string.Join(", ", own.Suspicions.Select(v => v.Voter))}).");
            }

            var previous = View;
            var view = new MembershipView(snapshot);
            if (view.Version != previous.Version || view.Signature != previous.Signature)
            {
                Volatile.Write(ref _view, view);
                MembershipLog.ViewChanged(_logger, view.Version, string.Join(", ", view.ActiveSilos));
                ViewChanged?.Invoke(view);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// Votes that <paramref name="suspect"/> is dead. The vote that reaches the required
    /// number declares it Dead, in the same compare-and-swap write.
    /// </summary>
    /// <returns>True when this vote declared it dead (the other silos should hear of it now).</returns>
    public async Task<bool> VoteAsync(SiloAddress suspect, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts && !_stopping.IsCancellationRequested; attempt++)
        {
            var snapshot = await _table.ReadAsync(cancellationToken);
            var row = snapshot.Find(suspect);
            if (row is null || row.Status == SiloStatus.Dead)
            {
                // Another silo's vote got there first: take the verdict into the view now.
                await RefreshAsync(cancellationToken);
                return false;
            }

            var now = _time.GetUtcNow();
            var votes = row.Suspicions
                .Where(v => now - v.Time < _options.DeathVoteExpiration && v.Voter != Self)
                .Append(new SuspicionVote(Self, now))
                .ToList();
            var otherActive = snapshot.Entries.Count(e => e.Status == SiloStatus.Active && e.Silo != suspect);
            var needed = Math.Max(1, Math.Min(_options.VotesForDeath, otherActive));

            // Silent in the table as well as to our probes: the other voters may be dead too.
            var expired = now - row.IAmAliveTime > _options.IAmAliveExpiration;
            var dead = votes.Count >= needed || expired;
            var updated = row with { Suspicions = votes, Status = dead ? SiloStatus.Dead : row.Status };
            if (await _table.TryWriteAsync(updated, snapshot.Version, cancellationToken))
            {
                MembershipLog.Voted(_logger, Self.ToString(), suspect.ToString(), votes.Count, needed, now - row.IAmAliveTime, dead);
                await RefreshAsync(cancellationToken);
                return dead;
            }
        }

        return false;
    }

    /// <summary>
    /// Stops every table read and write now (a killed silo writes nothing: not a vote, not its
    /// row again); <see cref="DisposeAsync"/> then waits for the loops to end.
    /// </summary>
    public void Halt() => _stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loops;
        _stopping.Dispose();
        _refreshGate.Dispose();
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.TableRefreshPeriod, _time);
        while (await Tick(timer))
        {
            await RunGuarded("refresh", () => RefreshAsync(_stopping.Token));
        }
    }

    private async Task IAmAliveLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.IAmAlivePeriod, _time);
        while (await Tick(timer))
        {
            await RunGuarded("i-am-alive", () => _table.UpdateIAmAliveAsync(Self, _time.GetUtcNow(), _stopping.Token));
        }
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // A table that is briefly unreachable must not end the loop: the next tick tries again.
    private async Task RunGuarded(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            MembershipLog.TableOperationFailed(_logger, exception, what);
        }
        catch (Exception)
        {
            // Stopping: whatever the operation hit, the loop ends at its next tick.
            MembershipLog.LoopStopping(_logger, what);
        }
    }
}
