using Microsoft.Extensions.Options;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Checks <see cref="SearchOptions"/> at start; every message names the configuration key.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var failures = new List<string>();
        if (options.TrendWindow < SearchOptions.MinTrendWindow || options.TrendWindow > SearchOptions.MaxTrendWindow)
        {
            failures.Add($"{SearchOptions.SectionName}:{nameof(options.TrendWindow)} must be between {SearchOptions.MinTrendWindow:c} and {SearchOptions.MaxTrendWindow:c}; it is {options.TrendWindow:c}.");
        }

        if (options.IndexWriteDelay < SearchOptions.MinIndexWriteDelay || options.IndexWriteDelay > SearchOptions.MaxIndexWriteDelay)
        {
            failures.Add($"{SearchOptions.SectionName}:{nameof(options.IndexWriteDelay)} must be between {SearchOptions.MinIndexWriteDelay:c} and {SearchOptions.MaxIndexWriteDelay:c}; it is {options.IndexWriteDelay:c}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
