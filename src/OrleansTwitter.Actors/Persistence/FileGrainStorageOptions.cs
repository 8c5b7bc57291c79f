namespace OrleansTwitter.Actors.Persistence;

/// <summary>Options of a <see cref="FileGrainStorage"/> provider, named after the provider.</summary>
public sealed class FileGrainStorageOptions
{
    /// <summary>The default of <see cref="RootPath"/>.</summary>
    public const string DefaultRootPath = "./data";

    /// <summary>The default of <see cref="LockTimeout"/>.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The directory under which records are stored, as
    /// <c>&lt;RootPath&gt;/&lt;stateName&gt;/&lt;grainType&gt;/&lt;key&gt;.json</c>. A relative path is
    /// resolved against the current directory when the provider is created. Processes that share
    /// grains must point at the same directory (a local disk: the write lock is an advisory file
    /// lock, which network file systems may not honour).
    /// </summary>
    /// <value>Defaults to <c>./data</c>.</value>
    public string RootPath { get; set; } = DefaultRootPath;

    /// <summary>
    /// How long a write or clear waits for the record's lock file when another writer (in this
    /// process or another) holds it, before it fails with <see cref="GrainStorageException"/>.
    /// A writer holds the lock only for one read-compare-write, so a long wait means a stuck
    /// process or a contended disk.
    /// </summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan LockTimeout { get; set; } = DefaultLockTimeout;
}
