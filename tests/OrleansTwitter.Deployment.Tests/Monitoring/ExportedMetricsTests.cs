using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Deployment.Tests.Kubernetes;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.Deployment.Tests.Monitoring;

/// <summary>
/// The alert rules and the dashboard query what the silo and the web front end really export:
/// every metric name in their PromQL is on a running process's /metrics after some traffic
/// (or is Prometheus' own <c>up</c>, or an Orleans counter that shows only once it counts).
/// </summary>
[Collection(ImageHostsCollection.Name)]
public sealed class ExportedMetricsTests(ImageHostsFixture hosts, ITestOutputHelper output)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    // Labels Prometheus adds to every scraped series (target labels), not the exporter.
    private static readonly HashSet<string> TargetLabels = ["job", "pod", "namespace", "instance", "container"];

    [Fact]
    public async Task Every_metric_and_label_the_alerts_and_the_dashboard_query_is_exported()
    {
        var exported = await ExportedAfterTrafficAsync();
        var rules = MonitoringRules.Expressions(await Kustomize.RenderAsync(Kustomize.Prod));
        var dashboard = MonitoringRules.DashboardExpressions(Repository.Read("k8s/monitoring/orleanstwitter-dashboard.json"));
        Assert.Equal(5, rules.Count);

        foreach (var expression in rules.Values.Concat(dashboard))
        {
            var names = PromQL.MetricNames(expression);
            Assert.NotEmpty(names);
            foreach (var name in names)
            {
                Assert.True(name == "up" || exported.Names.Contains(name) || ExportedMetrics.IsDeclaredOrleansCounter(name),
                    $"'{name}' in `{expression}` is exported by neither the silo nor the web front end");
            }

            foreach (var label in PromQL.LabelNames(expression).Except(TargetLabels))
            {
                Assert.True(exported.Labels.Contains(label), $"label '{label}' in `{expression}` is on no exported series");
            }
        }
    }

    [Fact]
    public void The_names_the_rules_rely_on_before_anything_fails_are_real_and_the_check_can_fail()
    {
        Assert.True(ExportedMetrics.IsDeclaredOrleansCounter("orleans_app_requests_timedout_total"));
        Assert.False(ExportedMetrics.IsDeclaredOrleansCounter("orleans_app_requests_failed_total"));
        Assert.Equal(["orleanstwitter_timeline_delivery_lag_milliseconds_bucket"],
            PromQL.MetricNames("histogram_quantile(0.99, sum by (le) (rate(orleanstwitter_timeline_delivery_lag_milliseconds_bucket{job=\"orleanstwitter-silo\"}[5m]))) > 5000"));
    }

    /// <summary>Posts to an active follower, so that deliveries and their lag are recorded; then both processes' /metrics.</summary>
    private async Task<(IReadOnlySet<string> Names, IReadOnlySet<string> Labels)> ExportedAfterTrafficAsync()
    {
        var api = new Api(hosts.WebHttp);
        var author = $"metered{Guid.NewGuid():N}"[..15];
        var follower = $"watcher{Guid.NewGuid():N}"[..15];
        var authorToken = await api.SignUpAsync(author);
        var followerToken = await api.SignUpAsync(follower);
        await api.FollowAsync(followerToken, author);
        await api.HomeTimelineAsync(followerToken);
        var posted = await api.PostAsync(authorToken, "measured");
        await Eventually.WaitAsync(async () => (await api.HomeTimelineAsync(followerToken)).Contains(posted), DeliveryTimeout, "the tweet in the follower's home timeline");

        var silo = ExportedMetrics.Parse(await hosts.SiloHttp.GetStringAsync("/metrics"));
        // The lag histogram is recorded on delivery, which the follower's read already proved.
        Assert.Contains("orleanstwitter_timeline_delivery_lag_milliseconds_bucket", silo.Names);
        var web = ExportedMetrics.Parse(await hosts.WebHttp.GetStringAsync("/metrics"));
        Assert.Contains("http_server_request_duration_seconds_count", web.Names);
        output.WriteLine($"silo exports {silo.Names.Count} names, the web front end {web.Names.Count}");
        return (silo.Names.Union(web.Names).ToHashSet(), silo.Labels.Union(web.Labels).ToHashSet());
    }
}
