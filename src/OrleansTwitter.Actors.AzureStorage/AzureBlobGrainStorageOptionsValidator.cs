using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Validates every named <see cref="AzureBlobGrainStorageOptions"/>: each name is one provider.
/// Messages name the option (and the silo's configuration key for the connection string and
/// container), so a misconfigured silo says what to fix; they never repeat the connection string.
/// </summary>
internal sealed partial class AzureBlobGrainStorageOptionsValidator : IValidateOptions<AzureBlobGrainStorageOptions>
{
    /// <summary>The Blob service's rule for container names (its "$root" and "$logs" are not for grains).</summary>
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();

    public ValidateOptionsResult Validate(string? name, AzureBlobGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(name, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> GetFailures(string? name, AzureBlobGrainStorageOptions options)
    {
        const string Type = nameof(AzureBlobGrainStorageOptions);
        var failures = new List<string>();
        if (AzureBlobSdkRequirements.CultureProblem() is { } cultureProblem)
        {
            failures.Add($"Grain storage '{name}' cannot use Azure Blob storage in this process: {cultureProblem}");
        }

        if (!AzureBlobConnectionString.TryParse(options.ConnectionString, out _, out var problem))
        {
            failures.Add($"{Type}.{nameof(options.ConnectionString)} of grain storage '{name}' ({AzureBlobConnectionString.ConfigurationKey}) " +
                $"is not a valid Azure Storage connection string: {problem}.");
        }

        if (options.ContainerName is null || !ContainerNamePattern().IsMatch(options.ContainerName))
        {
            failures.Add($"{Type}.{nameof(options.ContainerName)} of grain storage '{name}' (Storage:Container) is '{options.ContainerName}', " +
                "which is not a valid container name: use 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{Type}.{nameof(options.MaxAttempts)} of grain storage '{name}' must be at least 1, but it is {options.MaxAttempts}.");
        }

        AddIfNotPositive(failures, name, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        AddIfNotPositive(failures, name, nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        AddIfNotPositive(failures, name, nameof(options.AttemptTimeout), options.AttemptTimeout);
        AddIfNotPositive(failures, name, nameof(options.StartupTimeout), options.StartupTimeout);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Type}.{nameof(options.RetryMaxDelay)} of grain storage '{name}' ({options.RetryMaxDelay}) must not be less than " +
                $"{nameof(options.RetryBaseDelay)} ({options.RetryBaseDelay}).");
        }

        if (options.MaxStateBytes is < 1 or > AzureBlobGrainStorageOptions.SinglePutLimitBytes)
        {
            failures.Add($"{Type}.{nameof(options.MaxStateBytes)} of grain storage '{name}' must be between 1 and " +
                $"{AzureBlobGrainStorageOptions.SinglePutLimitBytes:N0} bytes (the service's single Put Blob limit), but it is {options.MaxStateBytes:N0}.");
        }

        return failures;
    }

    private static void AddIfNotPositive(List<string> failures, string? name, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(AzureBlobGrainStorageOptions)}.{option} of grain storage '{name}' must be greater than zero, but it is {value}.");
        }
    }
}
