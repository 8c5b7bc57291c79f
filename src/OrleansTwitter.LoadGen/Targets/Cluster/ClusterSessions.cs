namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// The silo sessions of one run: the cluster and http targets share one (http measures the web
/// front end on the cluster the cluster target loaded, so the graph is loaded once); the
/// chirper target gets fresh silos of its own, so that neither design's memory figures carry
/// the other's grains.
/// </summary>
internal sealed class ClusterSessions(int celebrityThreshold) : IAsyncDisposable
{
    private SiloSession? _shared;

    /// <summary>The session the cluster and http targets share, started on first use.</summary>
    public async Task<SiloSession> SharedAsync(CancellationToken cancellationToken) =>
        _shared ??= await SiloSession.StartAsync(celebrityThreshold, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
            _shared = null;
        }
    }
}
