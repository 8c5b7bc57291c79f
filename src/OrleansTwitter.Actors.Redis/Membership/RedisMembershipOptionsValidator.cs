using Microsoft.Extensions.Options;
namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>Checks <see cref="RedisMembershipOptions"/> at start-up, naming the configuration key that is wrong.</summary>
internal sealed class RedisMembershipOptionsValidator : IValidateOptions<RedisMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, for the table's constructor.</summary>
    public static void ThrowIfInvalid(RedisMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }

    private static IEnumerable<string> Failures(RedisMembershipOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            yield return "Cluster:ClusterId (RedisMembershipOptions.ClusterId) must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "Redis:ConnectionString (RedisMembershipOptions.ConnectionString) must not be empty.";
        }
        else if (RedisConnectionStrings.ParseError(options.ConnectionString) is { } error)
        {
            yield return $"Redis:ConnectionString (RedisMembershipOptions.ConnectionString) is not a Redis configuration string: {error}";
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout.TotalMilliseconds > int.MaxValue)
        {
            yield return $"RedisMembershipOptions.ConnectTimeout must be positive and at most {int.MaxValue} ms; it is {options.ConnectTimeout}.";
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout.TotalMilliseconds > int.MaxValue)
        {
            yield return $"RedisMembershipOptions.OperationTimeout must be positive and at most {int.MaxValue} ms; it is {options.OperationTimeout}.";
        }
    }
}
