using System.Globalization;
using System.Text;

namespace OrleansTwitter.Hosting.Storage;

/// <summary>
/// An exclusive lock on a record's sidecar lock file, held for one read-compare-write. It is a
/// file opened with <see cref="FileShare.None"/>: on Unix .NET takes an advisory <c>flock</c>,
/// which conflicts between any two handles, in one process or two, and Windows enforces the
/// share mode. The lock dies with its process, so a crash never leaves a record locked.
/// </summary>
/// <remarks>
/// Hand-written because no package gives a cross-process file lock. Lock files are never
/// deleted (deleting one while a writer waits to open it would let two writers lock different
/// files). The lock file also keeps the version of the last cleared record, so a record written
/// after a clear continues the version sequence and no ETag is handed out twice.
/// </remarks>
internal sealed class FileRecordLock : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _stream;

    private FileRecordLock(FileStream stream) => _stream = stream;

    /// <summary>Opens the lock file exclusively, retrying with a jittered back-off until <paramref name="timeout"/>.</summary>
    public static async Task<FileRecordLock> AcquireAsync(string lockPath, TimeSpan timeout, TimeProvider timeProvider, string purpose)
    {
        var started = timeProvider.GetTimestamp();
        var delay = FirstRetryDelay;
        while (true)
        {
            IOException contention;
            try
            {
                return new FileRecordLock(new FileStream(lockPath, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    BufferSize = 0,
                }));
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                // The sharing error differs by platform (EWOULDBLOCK from flock, a sharing
                // violation on Windows); a persistent other error surfaces in the timeout message.
                contention = ex;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                throw new IOException(
                    $"Could not {purpose}: the lock file '{lockPath}' stayed locked for the whole lock timeout of {timeout}. " +
                    $"Another writer, possibly in another process, holds it. Last error: {contention.Message}", contention);
            }

            var jittered = delay * (0.5 + (Random.Shared.NextDouble() / 2));
            await Task.Delay(jittered < timeout - elapsed ? jittered : timeout - elapsed, timeProvider);
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    /// <summary>The version of the last record cleared under this lock, or 0.</summary>
    public long ReadClearedVersion()
    {
        Span<byte> buffer = stackalloc byte[32];
        _stream.Position = 0;
        var length = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return long.TryParse(buffer[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    /// <summary>Remembers a cleared record's version, before its file is deleted.</summary>
    public void RecordClearedVersion(long version)
    {
        _stream.Position = 0;
        _stream.SetLength(0);
        _stream.Write(Encoding.ASCII.GetBytes(version.ToString(CultureInfo.InvariantCulture)));
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
