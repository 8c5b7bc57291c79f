using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// An exclusive lock on a record's sidecar lock file, held for one read-compare-write. It is
/// a file opened with <see cref="FileShare.None"/>: Windows enforces that share mode, and on
/// Unix .NET takes an advisory <c>flock</c>, which conflicts between any two open handles,
/// whether in one process or two. The lock dies with its process, so a crash never leaves a
/// record locked.
/// </summary>
/// <remarks>
/// Lock files are never deleted: deleting one while another writer waits to open it would let
/// that writer lock the deleted file while a third creates and locks a new one.
/// The lock file also keeps the version of the last cleared record, so that a record written
/// after a clear continues the version sequence instead of restarting at 1. Without that, an
/// activation still holding an ETag from before the clear could match a newer record.
/// </remarks>
internal sealed class FileGrainStorageLock : IDisposable
{
    /// <summary>The first back-off; a writer holds the lock for about one small file write.</summary>
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest back-off, so a released lock is noticed quickly.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>A version is at most 19 decimal digits; anything longer is not one of ours.</summary>
    private const int MaxContentLength = 32;

    private readonly FileStream _stream;

    private FileGrainStorageLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Opens the lock file exclusively, retrying with a short jittered back-off while another
    /// handle holds it, and gives up after <paramref name="timeout"/> as measured by
    /// <paramref name="timeProvider"/>.
    /// </summary>
    /// <param name="lockPath">The lock file; its directory must exist.</param>
    /// <param name="timeout">How long to keep trying.</param>
    /// <param name="timeProvider">Measures the timeout and runs the back-off delays.</param>
    /// <param name="purpose">What the lock is for, such as "write state 'profile' of grain user/alice", for messages.</param>
    /// <param name="logger">Receives a debug entry when the lock is contended.</param>
    public static async Task<FileGrainStorageLock> AcquireAsync(
        string lockPath, TimeSpan timeout, TimeProvider timeProvider, string purpose, ILogger logger)
    {
        var started = timeProvider.GetTimestamp();
        var delay = FirstRetryDelay;
        var attempts = 0;
        while (true)
        {
            attempts++;
            IOException contention;
            try
            {
                return new FileGrainStorageLock(new FileStream(lockPath, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    BufferSize = 0,
                }));
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                // The sharing-violation error differs by platform (ERROR_SHARING_VIOLATION on
                // Windows, EWOULDBLOCK from flock on Unix), so any other I/O error is retried;
                // a persistent one surfaces in the timeout message below.
                contention = ex;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                throw new GrainStorageException(
                    $"Could not {purpose}: the lock file '{lockPath}' stayed locked for the whole LockTimeout of " +
                    $"{timeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms ({attempts} attempts). " +
                    $"Another writer, possibly in another process, holds it. Last error: {contention.Message}",
                    contention);
            }

            FileGrainStorageLog.LockContended(logger, lockPath, attempts);

            // Jitter keeps contending writers from retrying in lockstep.
            var jittered = delay * (0.5 + (Random.Shared.NextDouble() / 2));
            var remaining = timeout - elapsed;
            await Task.Delay(jittered < remaining ? jittered : remaining, timeProvider);
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    /// <summary>The version of the last record cleared under this lock, or 0.</summary>
    public long ReadClearedVersion()
    {
        Span<byte> buffer = stackalloc byte[MaxContentLength];
        _stream.Position = 0;
        var length = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

        // Unreadable content only costs the protection across clears, never the record itself.
        return long.TryParse(buffer[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    /// <summary>Remembers a cleared record's version; called before its file is deleted.</summary>
    public void RecordClearedVersion(long version)
    {
        var bytes = Encoding.ASCII.GetBytes(version.ToString(CultureInfo.InvariantCulture));
        _stream.Position = 0;
        _stream.SetLength(0);
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
