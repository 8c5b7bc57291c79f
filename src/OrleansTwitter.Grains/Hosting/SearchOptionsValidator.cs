using Microsoft.Extensions.Options;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Checks <see cref="SearchOptions"/> at start; every message names the configuration key.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options) =>
        options.TrendWindow < SearchOptions.MinTrendWindow || options.TrendWindow > SearchOptions.MaxTrendWindow
            ? ValidateOptionsResult.Fail(
                $"{SearchOptions.SectionName}:{nameof(options.TrendWindow)} must be between {SearchOptions.MinTrendWindow:c} and {SearchOptions.MaxTrendWindow:c}; it is {options.TrendWindow:c}.")
            : ValidateOptionsResult.Success;
}
