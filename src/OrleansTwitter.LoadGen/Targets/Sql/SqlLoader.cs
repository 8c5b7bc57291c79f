using Npgsql;
using NpgsqlTypes;
using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Sql;

/// <summary>
/// Puts a workload into PostgreSQL: binary <c>COPY</c> of users, follows (each user's rows
/// together, with the self-follow, so a reader's rows share pages) and the history tweets,
/// then the indexes and statistics (<see cref="SqlStatements"/>).
/// </summary>
internal static class SqlLoader
{
    private const int ProgressEvery = 4096;

    public static async Task LoadAsync(NpgsqlDataSource dataSource, TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        var graph = workload.Graph;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, SqlStatements.DropTables, cancellationToken);

        var users = progress.AddTask("sql: users", maxValue: graph.Users);
        await CopyAsync(connection, SqlStatements.Tables[0], users, cancellationToken, importer =>
        {
            for (var user = 0; user < graph.Users; user++)
            {
                importer.StartRow();
                importer.Write(user, NpgsqlDbType.Integer);
                importer.Write(SocialGraph.Handle(user), NpgsqlDbType.Text);
                Tick(users, user);
            }
        });

        var follows = progress.AddTask("sql: follows", maxValue: graph.Users);
        await CopyAsync(connection, SqlStatements.Tables[1], follows, cancellationToken, importer =>
        {
            for (var user = 0; user < graph.Users; user++)
            {
                Row(importer, user, user);
                foreach (var followee in graph.FollowingOf(user))
                {
                    Row(importer, user, followee);
                }

                Tick(follows, user);
            }
        });

        var tweets = progress.AddTask("sql: tweets", maxValue: Math.Max(1, workload.HistoryTweets));
        await CopyAsync(connection, SqlStatements.Tables[2], tweets, cancellationToken, importer =>
        {
            for (var id = 1L; id <= workload.HistoryTweets; id++)
            {
                var tweet = workload.HistoryTweet(id);
                importer.StartRow();
                importer.Write(tweet.Id, NpgsqlDbType.Bigint);
                importer.Write(tweet.Author, NpgsqlDbType.Integer);
                importer.Write(tweet.Body, NpgsqlDbType.Text);
                if (id % ProgressEvery == 0)
                {
                    tweets.Value = id;
                }
            }
        });

        var indexes = progress.AddTask("sql: indexes and statistics", maxValue: SqlStatements.Indexes.Count + 1);

        // Index builds sort in memory up to this much, instead of in temporary files.
        await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'", cancellationToken);
        foreach (var statement in SqlStatements.Indexes.Append(SqlStatements.Analyze))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
            indexes.Increment(1);
        }
    }

    private static void Row(NpgsqlBinaryImporter importer, int follower, int followee)
    {
        importer.StartRow();
        importer.Write(follower, NpgsqlDbType.Integer);
        importer.Write(followee, NpgsqlDbType.Integer);
    }

    private static void Tick(ProgressTask task, int user)
    {
        if (user % ProgressEvery == 0)
        {
            task.Value = user;
        }
    }

    // Synchronous writes inside: the importer buffers rows and its async calls would cost a
    // state machine per value, for millions of values.
    private static async Task CopyAsync(NpgsqlConnection connection, (string Create, string Copy) table, ProgressTask task, CancellationToken cancellationToken, Action<NpgsqlBinaryImporter> write)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, table.Create, cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(table.Copy, cancellationToken))
        {
            write(importer);
            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        task.Value = task.MaxValue;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
