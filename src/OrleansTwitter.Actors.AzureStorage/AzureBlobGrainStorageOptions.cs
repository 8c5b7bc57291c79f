namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>Options of an <see cref="AzureBlobGrainStorage"/> provider, named after the provider.</summary>
public sealed class AzureBlobGrainStorageOptions
{
    /// <summary>The default of <see cref="ConnectionString"/>: Azurite on its default ports.</summary>
    public const string DefaultConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The default of <see cref="ContainerName"/>.</summary>
    public const string DefaultContainerName = "grains";

    /// <summary>The default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The default of <see cref="MaxStateBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxStateBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The largest payload one Put Blob request may carry in the service version this SDK speaks
    /// (2018-03-28): 256 MiB. <see cref="MaxStateBytes"/> may not exceed it, because a state is
    /// always written with a single conditional put, never in blocks.
    /// </summary>
    public const int SinglePutLimitBytes = 256 * 1024 * 1024;

    /// <summary>The default of <see cref="RetryBaseDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The default of <see cref="RetryMaxDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>The default of <see cref="AttemptTimeout"/>.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default of <see cref="StartupTimeout"/>.</summary>
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The storage account: <c>UseDevelopmentStorage=true</c> for Azurite on its default ports,
    /// or a full connection string (<c>DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...</c>,
    /// optionally with <c>BlobEndpoint=...</c>, or a <c>SharedAccessSignature</c>). The silo sets it
    /// from <c>Storage:ConnectionString</c>. It is checked at start-up; errors never echo its secrets.
    /// </summary>
    /// <value>Defaults to <c>UseDevelopmentStorage=true</c>.</value>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// The blob container that holds every record of this provider, created at start-up when it
    /// is missing. Container names are 3 to 63 lower-case letters, digits and single hyphens,
    /// starting and ending with a letter or digit. Two providers must not share a container.
    /// The silo sets it from <c>Storage:Container</c>.
    /// </summary>
    /// <value>Defaults to <c>grains</c>.</value>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>
    /// How many times one read, write or clear is attempted when attempts fail transiently
    /// (a 408, 429 or 5xx response, a timeout, a refused or broken connection). A lost
    /// condition (409, 412) is never retried: it fails at once with
    /// <c>InconsistentStateException</c>.
    /// </summary>
    /// <value>Defaults to 4 (the first attempt and three retries).</value>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>
    /// The back-off before the first retry; each later retry doubles it, up to
    /// <see cref="RetryMaxDelay"/>. The actual delay is drawn between half and all of that
    /// value, so writers that failed together do not retry in lockstep.
    /// </summary>
    /// <value>Defaults to 100 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = DefaultRetryBaseDelay;

    /// <summary>The longest back-off between two attempts, before jitter.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan RetryMaxDelay { get; set; } = DefaultRetryMaxDelay;

    /// <summary>
    /// How long one attempt (one HTTP request) may take before it counts as a transient failure.
    /// With the defaults a storage call gives up within about 21 seconds, inside the runtime's
    /// 30-second response timeout.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// How long the start-up check keeps trying to reach the account and create the container
    /// before it fails the host's start with a message saying what is wrong. A rejected
    /// credential fails at once.
    /// </summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan StartupTimeout { get; set; } = DefaultStartupTimeout;

    /// <summary>
    /// The largest serialized state (UTF-8 JSON bytes) a write accepts. A larger state fails with
    /// a <c>GrainStorageException</c> naming the state, the grain, its size and this limit, and
    /// nothing is stored. Grain state is meant to be small (a few KB), so the default is far below
    /// the service's single-put limit (<see cref="SinglePutLimitBytes"/>, the most it may be set
    /// to): a state that grows to megabytes is a design problem best found early.
    /// </summary>
    /// <value>Defaults to 4 MiB (4,194,304 bytes).</value>
    public int MaxStateBytes { get; set; } = DefaultMaxStateBytes;
}
