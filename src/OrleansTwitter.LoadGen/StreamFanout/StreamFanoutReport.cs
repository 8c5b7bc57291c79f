using System.Text;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary>The results as Markdown, ratios against the Memory provider of the same run.</summary>
internal sealed record StreamFanoutReport(DateTime StartedAt, string Command, StreamFanoutSettings Settings, IReadOnlyList<ProviderResult> Results)
{
    public string Render()
    {
        var memory = Results.Single(r => r.Provider == "Memory");
        var md = new StringBuilder();
        md.AppendLine("# Stream fan-out: the Redis (durable) and Memory stream providers").AppendLine();
        md.AppendLine(Invariant($"Measured {StartedAt:yyyy-MM-dd HH:mm} UTC by `OrleansTwitter.LoadGen stream-fanout`, both providers in one run:")).AppendLine();
        md.AppendLine("```sh").AppendLine(Command).AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- One silo in the load generator's process (Release, Memory grain storage, the timeline grains), {Environment.ProcessorCount} cores; for Redis, the tool's own `redis-server` on loopback (8 partitions, the provider's defaults)."));
        md.AppendLine(Invariant($"- {Settings.Authors} authors, each followed by the same {Settings.Followers} active followers: every tweet is {Settings.Followers} deliveries into home timelines."));
        md.AppendLine(Invariant($"- Throughput: every author posts in a loop for {Settings.Duration.TotalSeconds:0} s; deliveries/s counts until the last delivery arrived (a durable post is acknowledged before its delivery)."));
        md.AppendLine(Invariant($"- Lag: posts issued open-loop at {Settings.LagLoad:P0} of the provider's maximum tweet rate for {Settings.Duration.TotalSeconds:0} s; each delivery's lag is from the tweet's creation (its id's millisecond timestamp) to its arrival in the follower's home timeline, as the user grain records it (`orleanstwitter.timeline.delivery.lag`)."));
        md.AppendLine().AppendLine("| provider | tweets/s | deliveries/s | ÷ Memory | lag p50 | lag p99 | lag max | at tweets/s |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in Results)
        {
            md.AppendLine(Invariant(
                $"| {r.Provider} | {r.Throughput.TweetsPerSecond:N0} | {r.Throughput.DeliveriesPerSecond:N0} | {r.Throughput.DeliveriesPerSecond / memory.Throughput.DeliveriesPerSecond:0.00} | {r.Lag.P50:0.0} ms | {r.Lag.P99:0.0} ms | {r.Lag.Max:0.0} ms | {r.LagRate:N0} |"));
        }

        return md.ToString();
    }
}
