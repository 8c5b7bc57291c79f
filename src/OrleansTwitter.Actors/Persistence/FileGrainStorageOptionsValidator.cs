using Microsoft.Extensions.Options;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Validates every named <see cref="FileGrainStorageOptions"/>: each name is one file storage
/// provider. Messages name the option, so a misconfigured silo says what to fix.
/// </summary>
internal sealed class FileGrainStorageOptionsValidator : IValidateOptions<FileGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, FileGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(name, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> GetFailures(string? name, FileGrainStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add($"{nameof(FileGrainStorageOptions)}.{nameof(FileGrainStorageOptions.RootPath)} of grain storage '{name}' must be a non-empty directory path.");
        }

        if (options.LockTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(FileGrainStorageOptions)}.{nameof(FileGrainStorageOptions.LockTimeout)} of grain storage '{name}' must be greater than zero, but it is {options.LockTimeout}.");
        }

        return failures;
    }
}
