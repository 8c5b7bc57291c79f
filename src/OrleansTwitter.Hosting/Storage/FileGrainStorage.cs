using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace OrleansTwitter.Hosting.Storage;

/// <summary>
/// Grain storage in files on a local disk (<c>Storage:Provider=File</c>), the embedded default:
/// Orleans ships no file provider. Each record is one file, <c>{root}/{state}/{type}/{key}.json</c>:
/// a first line with the record's version, which is its ETag, then the state as the silo's
/// grain storage serializer writes it (JSON).
/// </summary>
/// <remarks>
/// Several processes may share the folder. Every write and clear is a compare-and-swap made
/// while holding an exclusive lock on the record's sidecar lock file (<see cref="FileRecordLock"/>),
/// and the new content replaces the old by an atomic rename of a fully flushed temporary file,
/// so a crash leaves the old record or the new one, never a mix. Reads take no lock: the
/// rename means a reader always sees one whole version.
/// </remarks>
internal sealed partial class FileGrainStorage(
    string name,
    FileGrainStorageOptions options,
    IGrainStorageSerializer serializer,
    TimeProvider timeProvider,
    ILogger<FileGrainStorage> logger) : IGrainStorage
{
    /// <summary>The absolute folder of the records, resolved once so a later change of directory cannot move them.</summary>
    public string RootPath { get; } = Path.GetFullPath(options.RootPath);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = FileGrainStoragePaths.RecordPath(RootPath, stateName, grainId);
        var content = await ReadIfExistsAsync(path);
        if (content is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var (version, payload) = Parse(content, path);
        try
        {
            grainState.State = serializer.Deserialize<T>(payload) ?? Activator.CreateInstance<T>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new IOException($"The grain storage file '{path}' holds state that cannot be read as {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.ETag = FormatETag(version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = FileGrainStoragePaths.RecordPath(RootPath, stateName, grainId);

        // Serialized before the lock is taken: the lock is held only for file operations.
        var payload = serializer.Serialize(grainState.State);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long version;
        using (var recordLock = await LockAsync(path, "write", stateName, grainId))
        {
            var stored = await ReadVersionAsync(path);
            ThrowIfConditionLost("write", stateName, grainId, grainState.ETag, stored);

            // From the highest version the record ever had, including a cleared one.
            version = Math.Max(stored ?? 0, recordLock.ReadClearedVersion()) + 1;
            await ReplaceAtomicallyAsync(path, Format(version, payload));
        }

        grainState.ETag = FormatETag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = FileGrainStoragePaths.RecordPath(RootPath, stateName, grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var recordLock = await LockAsync(path, "clear", stateName, grainId))
        {
            var stored = await ReadVersionAsync(path);
            ThrowIfConditionLost("clear", stateName, grainId, grainState.ETag, stored);
            if (stored is { } version)
            {
                recordLock.RecordClearedVersion(version);
                File.Delete(path);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static byte[] Format(long version, BinaryData payload)
    {
        var header = Encoding.ASCII.GetBytes(FormatETag(version) + "\n");
        var content = new byte[header.Length + payload.ToMemory().Length];
        header.CopyTo(content, 0);
        payload.ToMemory().Span.CopyTo(content.AsSpan(header.Length));
        return content;
    }

    // A corrupt record is never read as "no record": that would let the next write silently
    // replace whatever the file held, so the grain fails until someone repairs or deletes it.
    private static (long Version, BinaryData Payload) Parse(byte[] content, string path)
    {
        var newline = Array.IndexOf(content, (byte)'\n');
        if (newline > 0
            && long.TryParse(content.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version > 0)
        {
            return (version, new BinaryData(content.AsMemory(newline + 1)));
        }

        throw new IOException($"The grain storage file '{path}' is corrupt: it does not start with its version. Repair or delete it; the provider will not overwrite it.");
    }

    private static async Task<byte[]?> ReadIfExistsAsync(string path)
    {
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<long?> ReadVersionAsync(string path) =>
        await ReadIfExistsAsync(path) is { } content ? Parse(content, path).Version : null;

    private static async Task ReplaceAtomicallyAsync(string path, byte[] content)
    {
        var temp = FileGrainStoragePaths.TempPath(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(content);

                // On disk before the rename, or a power cut could leave the name on an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private Task<FileRecordLock> LockAsync(string path, string operation, string stateName, GrainId grainId) =>
        FileRecordLock.AcquireAsync(FileGrainStoragePaths.LockPath(path), options.LockTimeout, timeProvider, $"{operation} state '{stateName}' of {grainId}");

    private void ThrowIfConditionLost(string operation, string stateName, GrainId grainId, string? expected, long? storedVersion)
    {
        var stored = storedVersion is { } version ? FormatETag(version) : null;
        if (expected != stored)
        {
            LogConflict(logger, name, operation, stateName, grainId, expected ?? "none", stored ?? "none");
            throw new InconsistentStateException(
                $"Could not {operation} state '{stateName}' of {grainId}: it expected version {expected ?? "none"}, and storage holds {stored ?? "none"}.",
                stored ?? string.Empty,
                expected ?? string.Empty);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "File storage {Name}: {Operation} of state {StateName} of {GrainId} lost its condition (expected {Expected}, stored {Stored})")]
    private static partial void LogConflict(ILogger logger, string name, string operation, string stateName, GrainId grainId, string expected, string stored);
}
