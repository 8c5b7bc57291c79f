using Microsoft.Extensions.Options;

namespace OrleansTwitter.Actors.Activation;

/// <summary>Fails start-up with a message that names each invalid option.</summary>
internal sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = options.Validate().Select(f => $"{nameof(GrainCollectionOptions)}.{f}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
