namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>Options of one <c>Redis</c> stream provider (durable streams on Redis Streams).</summary>
public sealed class RedisStreamOptions
{
    /// <summary>
    /// Where Redis is, as a StackExchange.Redis configuration string (<c>host:port</c> plus
    /// options). The silo sets it from <c>Redis:ConnectionString</c>.
    /// </summary>
    /// <value>Defaults to <c>localhost:6379</c>.</value>
    public string ConnectionString { get; set; } = "localhost:6379";

    /// <summary>
    /// The cluster the queues belong to: keys are <c>ot:{clusterId}:streams:{provider}:{partition}</c>,
    /// so clusters sharing a Redis never read each other's events. The silo sets it from <c>Cluster:ClusterId</c>.
    /// </summary>
    /// <value>Defaults to <c>dev</c>.</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary>
    /// How many queues (Redis streams) the events are spread over, by a hash of the stream id.
    /// Each is pulled by one agent on the silo that owns it, so this caps the parallelism of
    /// delivery. Every silo of a cluster must use the same value.
    /// </summary>
    /// <value>Defaults to 8.</value>
    public int Partitions { get; set; } = 8;

    /// <summary>How many events an agent reads and delivers at once; the bound on what it holds in memory.</summary>
    /// <value>Defaults to 256.</value>
    public int BatchSize { get; set; } = 256;

    /// <summary>How long an agent waits before asking again after its queue was empty: the idle part of the delivery lag.</summary>
    /// <value>Defaults to 10 milliseconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How many times an event is delivered (counting deliveries by earlier owners of its queue)
    /// before it moves to the dead-letter stream <c>ot:{clusterId}:streams:{provider}:dead</c>.
    /// With the default delays the last attempt comes about 11 s after the first, longer than a
    /// dead silo takes to be declared dead (5 s), so a consumer on a silo that just died is
    /// retried on its new silo rather than dead-lettered.
    /// </summary>
    /// <value>Defaults to 8.</value>
    public int MaxDeliveryAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry of a failed delivery; it doubles with each further attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>Defaults to 100 milliseconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts to deliver an event.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an event may stay delivered but unacknowledged before the queue's agent takes it
    /// over, when no change of ownership did so earlier (a new owner takes over everything at once).
    /// </summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an agent looks for events idle longer than <see cref="ClaimIdleTimeout"/>.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most entries one queue may hold (delivered-but-unacknowledged and not yet delivered);
    /// a publish beyond it fails, naming the queue, instead of letting Redis's memory grow
    /// without bound behind a consumer that stopped. Acknowledged entries are trimmed.
    /// </summary>
    /// <value>Defaults to 1,000,000.</value>
    public int MaxQueueLength { get; set; } = 1_000_000;

    /// <summary>The approximate number of entries the dead-letter stream keeps (<c>MAXLEN ~</c>); older ones are dropped.</summary>
    /// <value>Defaults to 10,000.</value>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>
    /// How long a graceful stop waits for the agents to finish the batches in hand. Whatever is
    /// not finished by then stays unacknowledged, and the partitions' next owners deliver it.
    /// </summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt to connect to Redis may take.</summary>
    /// <value>Defaults to 3 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one queue operation may wait for Redis's answer.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
