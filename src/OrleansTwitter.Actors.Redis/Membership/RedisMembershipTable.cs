using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Membership;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// The membership table in Redis, shared by every silo (and client) of a cluster, in any process.
/// Writes are a compare-and-swap on the table version, done by a Lua script so Redis runs the
/// check and the write as one step.
/// </summary>
/// <remarks>
/// <para>
/// Layout (see <see cref="RedisMembershipKeys"/>): the hash <c>ot:{clusterId}:membership</c>
/// holds the field <c>version</c> and one field per silo (<see cref="SiloAddress.ToString"/>)
/// whose value is the row as JSON; the hash <c>ot:{clusterId}:iamalive</c> holds each silo's
/// latest I-am-alive time. Heartbeats go to the second hash so they never rewrite a row's JSON
/// and never touch the version; a read merges the two.
/// </para>
/// <para>
/// Redis is not asked to persist anything: a Redis that restarted empty reads as version 0 with
/// no rows, and silos write their rows again. Failures (Redis unreachable or too slow) throw
/// <see cref="RedisProviderException"/> naming the endpoint, within
/// <see cref="RedisMembershipOptions.ConnectTimeout"/> plus
/// <see cref="RedisMembershipOptions.OperationTimeout"/>.
/// </para>
/// </remarks>
public sealed class RedisMembershipTable : IMembershipTable, IDisposable
{
    private readonly RedisConnection _connection;
    private readonly RedisMembershipKeys _keys;
    private readonly RedisKey[] _bothKeys;
    private readonly string _clusterId;
    private readonly ILogger _logger;

    /// <summary>Creates the table; it connects on first use, so an unreachable Redis does not fail this.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the offending keys.</exception>
    public RedisMembershipTable(RedisMembershipOptions options, ILogger<RedisMembershipTable>? logger = null)
    {
        RedisMembershipOptionsValidator.ThrowIfInvalid(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _clusterId = options.ClusterId;
        _keys = new RedisMembershipKeys(options.ClusterId);
        _bothKeys = [_keys.Rows, _keys.IAmAlive];
        _connection = new RedisConnection(
            $"Redis membership table of cluster '{_clusterId}'", options.ConnectionString, options.ConnectTimeout, options.OperationTimeout, _logger);
        RedisMembershipLog.Created(_logger, _clusterId, _keys.Rows.ToString(), _keys.IAmAlive.ToString(), _connection.Endpoints);
    }

    public async Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await _connection.RunAsync(
            "read the table", db => db.ScriptEvaluateAsync(RedisMembershipScripts.Read, _bothKeys), cancellationToken);
        var hashes = (RedisResult[])result;
        return ToSnapshot(Pairs((RedisValue[])hashes[0]), Pairs((RedisValue[])hashes[1]));
    }

    public async Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A version equal to long.MaxValue is never stored, so the wrapped new version below can
        // never be written.
        var newVersion = unchecked(expectedVersion + 1);
        RedisValue[] arguments =
        [
            Decimal(expectedVersion),
            entry.Silo.ToString(),
            RedisMembershipJson.Serialize(entry),
            Decimal(newVersion),
            IAmAliveValue.Format(entry.IAmAliveTime),
        ];
        var result = await _connection.RunAsync(
            $"write the row of {entry.Silo}",
            db => db.ScriptEvaluateAsync(RedisMembershipScripts.TryWrite, _bothKeys, arguments),
            cancellationToken);
        if ((long)result == 1)
        {
            RedisMembershipLog.Wrote(_logger, _clusterId, entry.Silo, entry.Status.ToString(), expectedVersion, newVersion);
            return true;
        }

        RedisMembershipLog.WriteConflict(_logger, _clusterId, entry.Silo, expectedVersion);
        return false;
    }

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        RedisValue[] arguments = [silo.ToString(), IAmAliveValue.Format(time)];
        var result = await _connection.RunAsync(
            $"update the I-am-alive time of {silo}",
            db => db.ScriptEvaluateAsync(RedisMembershipScripts.UpdateIAmAlive, _bothKeys, arguments),
            cancellationToken);
        if ((long)result == 0)
        {
            RedisMembershipLog.IAmAliveIgnored(_logger, _clusterId, silo);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        // One DEL of both keys: Redis deletes them atomically.
        await _connection.RunAsync("clear the table", db => db.KeyDeleteAsync(_bothKeys), cancellationToken);
        RedisMembershipLog.Cleared(_logger, _clusterId);
    }

    /// <summary>Closes the connection to Redis; the table is unusable afterwards.</summary>
    public void Dispose() => _connection.Dispose();

    private MembershipSnapshot ToSnapshot(Dictionary<string, string> rows, Dictionary<string, string> iAmAlive)
    {
        long version = 0;
        var entries = new List<MembershipEntry>(rows.Count);
        foreach (var (field, value) in rows)
        {
            if (field == RedisMembershipKeys.VersionField)
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version))
                {
                    throw Unreadable(_keys.Rows, field, $"the version '{value}' is not a non-negative integer");
                }

                continue;
            }

            MembershipEntry entry;
            try
            {
                entry = RedisMembershipJson.Deserialize(value);
                if (iAmAlive.TryGetValue(field, out var time))
                {
                    entry = entry with { IAmAliveTime = IAmAliveValue.Parse(time) };
                }
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw Unreadable(_keys.Rows, field, e.Message, e);
            }

            entries.Add(entry);
        }

        entries.Sort((left, right) => left.Silo.CompareTo(right.Silo));
        return new MembershipSnapshot(version, entries);
    }

    // Written only by this class, so unreadable data means another program (or another
    // version's incompatible change) wrote these keys: say exactly where.
    private RedisProviderException Unreadable(RedisKey key, string field, string reason, Exception? inner = null)
    {
        var message = $"Redis membership table of cluster '{_clusterId}' could not read field '{field}' of {key} at {_connection.Endpoints}: {reason}";
        return inner is null ? new RedisProviderException(message) : new RedisProviderException(message, inner);
    }

    // HGETALL answers field, value, field, value, ...
    private static Dictionary<string, string> Pairs(RedisValue[] flat)
    {
        var pairs = new Dictionary<string, string>(flat.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            pairs[flat[i]!] = flat[i + 1]!;
        }

        return pairs;
    }

    private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
