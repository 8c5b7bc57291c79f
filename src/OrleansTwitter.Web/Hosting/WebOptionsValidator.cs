using Microsoft.Extensions.Options;

namespace OrleansTwitter.Web.Hosting;

/// <summary>Checks <see cref="WebOptions"/> at start; every message names the configuration key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    private const string Prefix = WebOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"{Prefix}{nameof(options.MaxRequestBodyBytes)} must be between 1024 and 1048576; it is {options.MaxRequestBodyBytes}.");
        }

        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{Prefix}{nameof(options.TokenLifetime)} must be between 00:01:00 and 30.00:00:00; it is {options.TokenLifetime}.");
        }

        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.HeartbeatInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}{nameof(options.HeartbeatInterval)} must be between 00:00:00.1 and 00:05:00; it is {options.HeartbeatInterval}.");
        }

        if (options.StreamBuffer is < 1 or > 10_000)
        {
            failures.Add($"{Prefix}{nameof(options.StreamBuffer)} must be between 1 and 10000; it is {options.StreamBuffer}.");
        }

        var rate = options.PostRateLimit;
        if (rate.PostsPerMinute is < 1 or > 60_000)
        {
            failures.Add($"{Prefix}PostRateLimit:{nameof(rate.PostsPerMinute)} must be between 1 and 60000; it is {rate.PostsPerMinute}.");
        }

        if (rate.Burst is < 1 or > 10_000)
        {
            failures.Add($"{Prefix}PostRateLimit:{nameof(rate.Burst)} must be between 1 and 10000; it is {rate.Burst}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
