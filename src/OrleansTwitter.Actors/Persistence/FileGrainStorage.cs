using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Grain storage in JSON files on a local disk: the embedded default. Each record is one file,
/// <c>&lt;RootPath&gt;/&lt;stateName&gt;/&lt;grainType&gt;/&lt;key&gt;.json</c>, and its ETag is
/// the record's version.
/// </summary>
/// <remarks>
/// Several processes may share the folder. Every write and clear is a compare-and-swap made
/// while holding an exclusive lock on the record's sidecar lock file, and the new content
/// replaces the old by an atomic rename of a fully flushed temporary file, so a crash leaves
/// either the old record or the new one, never a mix. Reads take no lock: the rename means a
/// reader always sees one whole version.
/// </remarks>
public sealed class FileGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly TimeSpan _lockTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FileGrainStorage> _logger;

    public FileGrainStorage(string name, FileGrainStorageOptions options, TimeProvider timeProvider, ILogger<FileGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        // The same checks as options validation, for callers that construct the provider directly.
        var failures = FileGrainStorageOptionsValidator.GetFailures(name, options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _name = name;
        _lockTimeout = options.LockTimeout;
        _timeProvider = timeProvider;
        _logger = logger;

        // Resolved once, so a later change of the current directory cannot move the data.
        RootPath = Path.GetFullPath(options.RootPath);
        FileGrainStorageLog.Created(logger, name, RootPath);
    }

    /// <summary>The absolute directory that holds this provider's records.</summary>
    public string RootPath { get; }

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var path = GetRecordPath(stateName, grainId);
        try
        {
            var content = await ReadIfExistsAsync(path);
            if (content is null)
            {
                // The contract: no record leaves State as given.
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
            else
            {
                grainState.State = FileGrainStorageRecord.ReadState<TState>(content, path, stateName, grainId, out var version);
                grainState.ETag = FormatETag(version);
                grainState.RecordExists = true;
            }

            FileGrainStorageLog.Read(_logger, _name, stateName, grainId, path, grainState.ETag);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Failure("read", stateName, grainId, path, ex);
        }
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var path = GetRecordPath(stateName, grainId);
        var expected = grainState.ETag;
        try
        {
            // Serialize before taking the lock: a state that cannot be stored fails without
            // holding up other writers, and the lock is held only for file operations.
            var stateJson = GrainStateJson.Serialize(grainState.State, stateName, grainId);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            long version;
            using (var fileLock = await AcquireLockAsync(path, "write", stateName, grainId))
            {
                var stored = await ReadStoredVersionAsync(path);
                ThrowIfConditionLost("write", stateName, grainId, expected, stored);

                // Continue from the highest version this record ever had, including one that
                // was cleared since, so no ETag is ever handed out twice.
                version = Math.Max(stored ?? 0, fileLock.ReadClearedVersion()) + 1;
                var content = FileGrainStorageRecord.Format(version, stateName, grainId, stateJson);
                await ReplaceAtomicallyAsync(path, content);
            }

            grainState.ETag = FormatETag(version);
            grainState.RecordExists = true;
            FileGrainStorageLog.Wrote(_logger, _name, stateName, grainId, path, grainState.ETag);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Failure("write", stateName, grainId, path, ex);
        }
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        Validate(stateName, grainState);
        var path = GetRecordPath(stateName, grainId);
        var expected = grainState.ETag;
        try
        {
            // The lock file needs its directory even when there is no record, because the
            // condition "no record" must be checked under the lock like any other.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var fileLock = await AcquireLockAsync(path, "clear", stateName, grainId))
            {
                var stored = await ReadStoredVersionAsync(path);
                ThrowIfConditionLost("clear", stateName, grainId, expected, stored);
                if (stored is long version)
                {
                    // Remember the version before the file that holds it goes away.
                    fileLock.RecordClearedVersion(version);
                    File.Delete(path);
                }
            }

            grainState.ETag = null;
            grainState.RecordExists = false;
            FileGrainStorageLog.Cleared(_logger, _name, stateName, grainId, path);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Failure("clear", stateName, grainId, path, ex);
        }
    }

    internal string GetRecordPath(string stateName, GrainId grainId) => FileGrainStoragePaths.GetRecordPath(RootPath, stateName, grainId);

    internal string GetLockPath(string stateName, GrainId grainId) => FileGrainStoragePaths.GetLockPath(GetRecordPath(stateName, grainId));

    private static void Validate<TState>(string stateName, IGrainState<TState> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
    }

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole file, or null when there is no record.</summary>
    private static async Task<byte[]?> ReadIfExistsAsync(string path)
    {
        try
        {
            // Share Delete and Write too, so that on Windows a reader never blocks the rename
            // that installs the next version.
            await using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<long?> ReadStoredVersionAsync(string path)
    {
        var content = await ReadIfExistsAsync(path);
        return content is null ? null : FileGrainStorageRecord.ReadVersion(content, path);
    }

    private static async Task ReplaceAtomicallyAsync(string path, byte[] content)
    {
        var tempPath = FileGrainStoragePaths.GetTempPath(path);
        try
        {
            await using (var stream = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                PreallocationSize = content.Length,
            }))
            {
                await stream.WriteAsync(content);

                // Data must reach the disk before the rename: otherwise a power cut after the
                // rename could leave the record's name pointing at an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, path, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless, and the original error matters more.
        }
    }

    // Storage errors, and raw I/O errors that still need the record named in their message.
    private static bool IsFailure(Exception ex) => ex is GrainStorageException or IOException or UnauthorizedAccessException;

    private Task<FileGrainStorageLock> AcquireLockAsync(string path, string operation, string stateName, GrainId grainId) =>
        FileGrainStorageLock.AcquireAsync(
            FileGrainStoragePaths.GetLockPath(path),
            _lockTimeout,
            _timeProvider,
            $"{operation} state '{stateName}' of grain {grainId}",
            _logger);

    private void ThrowIfConditionLost(string operation, string stateName, GrainId grainId, string? expected, long? storedVersion)
    {
        var stored = storedVersion is long version ? FormatETag(version) : null;
        if (!GrainStorageConflict.Matches(expected, stored))
        {
            FileGrainStorageLog.Conflict(_logger, _name, operation, stateName, grainId, expected, stored);
            throw GrainStorageConflict.Create(operation, stateName, grainId, expected, stored);
        }
    }

    private GrainStorageException Failure(string operation, string stateName, GrainId grainId, string path, Exception ex)
    {
        FileGrainStorageLog.Failed(_logger, ex, _name, operation, stateName, grainId, path);
        return ex as GrainStorageException ?? new GrainStorageException(
            $"Could not {operation} state '{stateName}' of grain {grainId} at '{path}': {ex.Message}", ex);
    }
}
