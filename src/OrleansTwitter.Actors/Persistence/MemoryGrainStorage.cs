using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Grain storage held in this process's memory, for tests and benchmarks. It keeps the same
/// contract as the durable providers: payloads are stored as serialized JSON (so a stored
/// value never aliases the grain's live object, and a state type that cannot be serialized
/// fails here as it would in production), and every write and clear is conditional on the ETag.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> _records = new();
    private readonly string _name;
    private readonly ILogger<MemoryGrainStorage> _logger;

    // One counter for the whole provider, so an ETag is never reused, not even for a record
    // that was cleared and written again: a stale ETag from before the clear cannot match.
    private long _lastVersion;

    public MemoryGrainStorage(string name, ILogger<MemoryGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(logger);
        _name = name;
        _logger = logger;
    }

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        try
        {
            Validate(stateName, grainState);
            if (_records.TryGetValue((stateName, grainId), out var record))
            {
                grainState.State = GrainStateJson.Deserialize<TState>(record.Payload, stateName, grainId);
                grainState.ETag = record.ETag;
                grainState.RecordExists = true;
            }
            else
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }

            MemoryGrainStorageLog.Read(_logger, _name, stateName, grainId, grainState.ETag);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        try
        {
            Validate(stateName, grainState);
            var key = (stateName, grainId);
            var expected = grainState.ETag;

            // Serialize before touching the dictionary: a failure then stores nothing.
            var payload = GrainStateJson.Serialize(grainState.State, stateName, grainId);
            var next = new StoredRecord(payload, NextETag());

            // Both branches are a single compare-and-swap on the dictionary, so two racing
            // writers based on the same ETag cannot both succeed.
            var swapped = expected is null
                ? _records.TryAdd(key, next)
                : _records.TryGetValue(key, out var current)
                    && GrainStorageConflict.Matches(expected, current.ETag)
                    && _records.TryUpdate(key, next, current);
            if (!swapped)
            {
                throw Conflict("write", stateName, grainId, expected);
            }

            grainState.ETag = next.ETag;
            grainState.RecordExists = true;
            MemoryGrainStorageLog.Wrote(_logger, _name, stateName, grainId, next.ETag);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        try
        {
            Validate(stateName, grainState);
            var key = (stateName, grainId);
            var expected = grainState.ETag;
            bool satisfied;
            if (expected is null)
            {
                // "No record" is the condition, and it holds when there is nothing to delete.
                satisfied = !_records.ContainsKey(key);
            }
            else
            {
                // Removing the exact record instance that was compared makes the check and the
                // delete one atomic step.
                satisfied = _records.TryGetValue(key, out var current)
                    && GrainStorageConflict.Matches(expected, current.ETag)
                    && _records.TryRemove(KeyValuePair.Create(key, current));
            }

            if (!satisfied)
            {
                throw Conflict("clear", stateName, grainId, expected);
            }

            grainState.ETag = null;
            grainState.RecordExists = false;
            MemoryGrainStorageLog.Cleared(_logger, _name, stateName, grainId);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private static void Validate<TState>(string stateName, IGrainState<TState> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
    }

    private string NextETag() => Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? expected)
    {
        // Re-read for the message only; the record may have changed again since the failed swap.
        var stored = _records.TryGetValue((stateName, grainId), out var current) ? current.ETag : null;
        MemoryGrainStorageLog.Conflict(_logger, _name, operation, stateName, grainId, expected, stored);
        return GrainStorageConflict.Create(operation, stateName, grainId, expected, stored);
    }

    /// <summary>
    /// A class, not a record: the dictionary's compare-and-swap compares values with their
    /// default equality, and reference equality is exactly "the record I read is still there".
    /// </summary>
    private sealed class StoredRecord(byte[] payload, string etag)
    {
        public byte[] Payload { get; } = payload;

        public string ETag { get; } = etag;
    }
}
