using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets;

/// <summary>
/// One system under test: it holds the graph and the tweets, serves home-timeline reads and
/// takes posts. Every target runs the same operations on the same workload; how it does them
/// is the thing compared.
/// </summary>
internal interface ITimelineTarget : IAsyncDisposable
{
    TargetKind Kind { get; }

    /// <summary>
    /// Replaces whatever the target held with the workload's users, follows and history, and
    /// makes the active users' timelines ready (cached, in memory) as the target's design does.
    /// </summary>
    Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken);

    /// <summary>The newest <see cref="TimelineShape.PageSize"/> entries of <paramref name="user"/>'s home timeline, with their bodies.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="tweet"/>; it returns when the target has accepted it.</summary>
    Task PostAsync(Tweet tweet, CancellationToken cancellationToken);

    /// <summary>The ids of the server's main processes when they run on this machine (their memory and CPU are read from /proc), else none.</summary>
    Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The server memory one active user costs with a full <see cref="TimelineShape.Capacity"/>-entry
    /// timeline, measured on the server, or null where the design keeps no timeline per user.
    /// </summary>
    Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken);
}
