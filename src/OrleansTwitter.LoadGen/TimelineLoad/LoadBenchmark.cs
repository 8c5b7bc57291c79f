using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Reporting;
using OrleansTwitter.LoadGen.Targets.Cluster;
using OrleansTwitter.LoadGen.Workload;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>
/// The whole <c>load</c> run: one graph and one workload, then each target in turn on them,
/// then the report (console, and JSON when asked). Targets run one after another so that
/// they never compete for the machine's cores.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(LoadSettings settings, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.RunTimeout);
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            var graph = await GraphBuilder.BuildAsync(settings.Graph);
            var shape = graph.Shape();
            GraphReport.Write(shape);
            var active = ActiveUsers.Choose(graph.Users, settings.ActiveShare, settings.Graph.Seed);
            var workload = new TimelineWorkload(graph, active, settings.HistoryPerUser);
            Progress.Step($"{active.Count:N0} active users ({settings.ActiveShare:P0}); {workload.HistoryTweets:N0} history tweets ({settings.HistoryPerUser} per user)");

            var results = new List<TargetResult>();
            await using (var sessions = new ClusterSessions(settings.Graph.CelebrityThreshold))
            {
                foreach (var target in settings.Targets)
                {
                    results.Add(await TargetRunner.RunAsync(target, workload, settings, sessions, deadline.Token));
                }
            }

            var report = new LoadReport(command, startedAt, MachineDescription.Describe(), shape, active.Count, settings, results);
            LoadConsoleReport.Write(report);
            if (settings.JsonPath is { } path)
            {
                await LoadJsonReport.WriteAsync(path, report, deadline.Token);
                Progress.Step($"wrote {path}");
            }

            if (settings.ChartPath is { } chart)
            {
                BenchChart.Write(chart, report);
                Progress.Step($"wrote {chart}");
            }

            return results.All(r => r.Mix.Errors == 0) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The run did not finish within {settings.RunTimeout}.");
        }
    }
}
