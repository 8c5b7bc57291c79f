namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>Options of a <see cref="RedisMembershipTable"/>.</summary>
public sealed class RedisMembershipOptions
{
    /// <summary>The default of <see cref="ConnectionString"/>: a Redis on this machine's default port.</summary>
    public const string DefaultConnectionString = "localhost:6379";

    /// <summary>The default of <see cref="ClusterId"/>.</summary>
    public const string DefaultClusterId = "dev";

    /// <summary>The default of <see cref="ConnectTimeout"/>.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The default of <see cref="OperationTimeout"/>.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Where Redis is, as a StackExchange.Redis configuration string: <c>host:port</c>, optionally
    /// followed by options such as <c>,password=...</c> or <c>,ssl=true</c>. Its
    /// <c>abortConnect</c>, <c>connectTimeout</c> and <c>syncTimeout</c> are ignored: the table
    /// sets them from this class. The silo sets it from <c>Redis:ConnectionString</c>.
    /// </summary>
    /// <value>Defaults to <c>localhost:6379</c>.</value>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// The cluster whose membership this is. Keys are namespaced by it
    /// (<c>ot:{clusterId}:membership</c>, <c>ot:{clusterId}:iamalive</c>), so several clusters can
    /// share one Redis without seeing each other's silos. The silo sets it from
    /// <c>Cluster:ClusterId</c>.
    /// </summary>
    /// <value>Defaults to <c>dev</c>.</value>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>
    /// How long one attempt to connect to Redis may take. An unreachable Redis does not fail the
    /// table's creation: the client keeps reconnecting in the background, and operations fail
    /// fast, naming the endpoint, until it is back.
    /// </summary>
    /// <value>Defaults to 3 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;

    /// <summary>
    /// How long one table operation (read, write, I-am-alive, clear) may wait for Redis's answer
    /// before it fails. Kept short because membership decisions are made on a schedule of a few
    /// seconds (a killed silo is declared dead within 5 s), and a stuck table call must not hold
    /// one up. A write that times out may still have been applied; the next read tells.
    /// </summary>
    /// <value>Defaults to 3 seconds.</value>
    public TimeSpan OperationTimeout { get; set; } = DefaultOperationTimeout;
}
