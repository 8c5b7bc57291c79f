using Npgsql;
using OrleansTwitter.LoadGen.Measurement;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Sql;

/// <summary>
/// Approach 1, join on read: <c>users</c>, <c>tweets</c> and <c>follows</c> in PostgreSQL
/// through Npgsql. A post is one insert; a read is one join with <c>ORDER BY</c> and
/// <c>LIMIT 50</c> (<see cref="SqlStatements"/>). Nothing is cached per user: an active user's
/// timeline is "warm" only in the sense that its pages are in PostgreSQL's buffers.
/// </summary>
internal sealed class SqlTarget : ITimelineTarget
{
    private readonly NpgsqlDataSource _dataSource;

    private SqlTarget(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public TargetKind Kind => TargetKind.Sql;

    /// <param name="connectionString">An Npgsql connection string to a database the benchmark may drop and create users, tweets and follows in.</param>
    /// <param name="concurrency">Concurrent callers: the pool gets a connection for each, and a few to spare.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static async Task<SqlTarget> ConnectAsync(string connectionString, int concurrency, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.MaxPoolSize = Math.Max(settings.MaxPoolSize, concurrency + 4);

        // Both statements are prepared on each pooled connection after their second use, as
        // an application would prepare them; no session state to reset between uses.
        settings.MaxAutoPrepare = Math.Max(settings.MaxAutoPrepare, 4);
        settings.AutoPrepareMinUsages = 2;
        settings.NoResetOnClose = true;
        var target = new SqlTarget(builder.Build());
        try
        {
            // Fail here, with the server's own message, rather than on the first operation.
            await using var connection = await target._dataSource.OpenConnectionAsync(cancellationToken);
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    public Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken) =>
        SqlLoader.LoadAsync(_dataSource, workload, progress, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SqlStatements.Read);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = user });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TimelineEntry>(TimelineShape.PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return entries;
    }

    public async Task PostAsync(Tweet tweet, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SqlStatements.Post);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = tweet.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tweet.Author });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tweet.Body });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The postmaster: the parent of the backend serving this connection.</summary>
    public async Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return ProcFs.ParentOf(backend) is { } postmaster ? [postmaster] : [];
    }

    /// <summary>None: join on read keeps no timeline per user, so there is nothing per active user to measure.</summary>
    public Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken) => Task.FromResult<double?>(null);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
