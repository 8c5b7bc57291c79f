using System.Text.Json;
using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The monitoring component as both overlays render it: what is scraped, what alerts, and the dashboard.</summary>
public sealed class MonitoringManifestTests
{
    public static TheoryData<string> Overlays => [Kustomize.Dev, Kustomize.Prod];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_PodMonitor_scrapes_metrics_on_the_http_port_of_silos_and_web_front_ends_under_the_jobs_the_rules_use(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var monitor = manifests.OfKind("PodMonitor").Single()["spec"]!;
        var endpoint = monitor["podMetricsEndpoints"]!.AsArray().Single()!;
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        var jobLabel = (string)monitor["jobLabel"]!;
        var rules = MonitoringRules.Expressions(manifests);

        foreach (var name in new[] { "orleanstwitter-silo", "orleanstwitter-web" })
        {
            var workload = new Workload(manifests.Single("Deployment", name));
            Assert.True(workload.Selects(monitor["selector"]!), $"the PodMonitor's matchLabels miss {name}");
            var component = (string)workload.PodLabels["app.kubernetes.io/component"]!;
            Assert.Contains(component, monitor["selector"]!["matchExpressions"]![0]!["values"]!.AsArray().Select(v => (string)v!));
            workload.Port((string)endpoint["port"]!);
            // Prometheus names the job after the pod's jobLabel value; the rules select that job.
            var job = (string)workload.PodLabels[jobLabel]!;
            Assert.Contains(rules.Values, e => e.Contains($"job=\"{job}\"", StringComparison.Ordinal) || e.Contains("job=~\"orleanstwitter-(silo|web)\"", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Alerts_cover_a_silo_down_call_failures_delivery_lag_over_5_s_and_5xx(string overlay)
    {
        var rules = MonitoringRules.Expressions(await Kustomize.RenderAsync(overlay));
        Assert.Contains("up{job=\"orleanstwitter-silo\"} == 0", rules["OrleansTwitterSiloDown"], StringComparison.Ordinal);
        Assert.Contains("orleans_app_requests_timedout_total", rules["OrleansTwitterCallFailureRateHigh"], StringComparison.Ordinal);
        Assert.Matches(@"histogram_quantile\(0\.99,[\s\S]*orleanstwitter_timeline_delivery_lag_milliseconds_bucket[\s\S]*> 5000", rules["OrleansTwitterDeliveryLagHigh"]);
        Assert.Contains("http_response_status_code=~\"5..\"", rules["OrleansTwitterHttp5xxRateHigh"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_Grafana_dashboard_ships_as_a_labelled_ConfigMap_holding_the_raw_JSON_file(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var dashboard = manifests.Single("ConfigMap", "orleanstwitter-dashboard");
        Assert.Equal("1", (string?)dashboard["metadata"]!["labels"]!["grafana_dashboard"]);
        var file = Repository.Read("k8s/monitoring/orleanstwitter-dashboard.json");
        Assert.Equal(file, (string?)dashboard["data"]!["orleanstwitter-dashboard.json"]);
        var json = JsonDocument.Parse(file).RootElement;
        Assert.Equal("OrleansTwitter", json.GetProperty("title").GetString());
        Assert.NotEmpty(MonitoringRules.DashboardExpressions(file));
    }
}
