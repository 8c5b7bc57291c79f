namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>Checks <see cref="RedisStreamOptions"/> when the provider is created, naming each bad option.</summary>
internal static class RedisStreamOptionsValidator
{
    public const int MaxBatchSize = 4096;

    /// <exception cref="ArgumentException">One or more options are invalid; the message lists them all.</exception>
    public static void ThrowIfInvalid(RedisStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException("The Redis stream provider's options are invalid: " + string.Join(" ", failures), nameof(options));
        }
    }

    private static IEnumerable<string> Failures(RedisStreamOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            yield return "ClusterId (Cluster:ClusterId) must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "ConnectionString (Redis:ConnectionString) must not be empty.";
        }
        else if (RedisConnectionStrings.ParseError(options.ConnectionString) is { } error)
        {
            yield return $"ConnectionString (Redis:ConnectionString) is not a Redis configuration string: {error}";
        }

        foreach (var (name, value, min) in new[]
        {
            (nameof(options.Partitions), options.Partitions, 1),
            (nameof(options.BatchSize), options.BatchSize, 1),
            (nameof(options.MaxDeliveryAttempts), options.MaxDeliveryAttempts, 1),
            (nameof(options.MaxQueueLength), options.MaxQueueLength, 1),
            (nameof(options.DeadLetterMaxLength), options.DeadLetterMaxLength, 1),
        })
        {
            if (value < min)
            {
                yield return $"{name} must be at least {min}; it is {value}.";
            }
        }

        // The acknowledgement script passes a batch's ids as one Lua unpack, whose stack is limited.
        if (options.BatchSize > MaxBatchSize)
        {
            yield return $"BatchSize must be at most {MaxBatchSize}; it is {options.BatchSize}.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(options.PollInterval), options.PollInterval),
            (nameof(options.RetryDelay), options.RetryDelay),
            (nameof(options.MaxRetryDelay), options.MaxRetryDelay),
            (nameof(options.ClaimIdleTimeout), options.ClaimIdleTimeout),
            (nameof(options.ClaimInterval), options.ClaimInterval),
            (nameof(options.ShutdownTimeout), options.ShutdownTimeout),
            (nameof(options.ConnectTimeout), options.ConnectTimeout),
            (nameof(options.OperationTimeout), options.OperationTimeout),
        })
        {
            if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
            {
                yield return $"{name} must be positive and at most {int.MaxValue} ms; it is {value}.";
            }
        }
    }
}
