using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Checks <see cref="TimelineOptions"/> at start; every message names the configuration key.</summary>
internal sealed class TimelineOptionsValidator : IValidateOptions<TimelineOptions>
{
    private const string Prefix = TimelineOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TimelineOptions options)
    {
        var failures = new List<string>();
        if (options.Capacity is < 1 or > TimelineLimits.MaxHomeTimelineCapacity)
        {
            failures.Add($"{Prefix}{nameof(options.Capacity)} must be between 1 and {TimelineLimits.MaxHomeTimelineCapacity}; it is {options.Capacity}.");
        }

        if (options.CelebrityThreshold < 1)
        {
            failures.Add($"{Prefix}{nameof(options.CelebrityThreshold)} must be at least 1; it is {options.CelebrityThreshold}.");
        }
        else if (options.CelebrityHysteresis is { } hysteresis && (hysteresis < 0 || hysteresis >= options.CelebrityThreshold))
        {
            failures.Add($"{Prefix}{nameof(options.CelebrityHysteresis)} must be between 0 and {Prefix}{nameof(options.CelebrityThreshold)} - 1 ({options.CelebrityThreshold - 1}); it is {hysteresis}.");
        }

        if (options.CelebrityCacheDuration <= TimeSpan.Zero || options.CelebrityCacheDuration > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Prefix}{nameof(options.CelebrityCacheDuration)} must be more than zero and at most 00:01:00; it is {options.CelebrityCacheDuration}.");
        }

        if (options.PullPerFollowee is < 1 or > TimelineLimits.MaxHomeTimelineCapacity)
        {
            failures.Add($"{Prefix}{nameof(options.PullPerFollowee)} must be between 1 and {TimelineLimits.MaxHomeTimelineCapacity}; it is {options.PullPerFollowee}.");
        }

        if (options.NodeId is { } nodeId && (nodeId < 0 || nodeId > TweetId.MaxNodeId))
        {
            failures.Add($"{Prefix}{nameof(options.NodeId)} must be between 0 and {TweetId.MaxNodeId}; it is {nodeId}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
