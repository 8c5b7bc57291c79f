using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.LoadGen.Tests.Infrastructure;

/// <summary>The servers of the baselines, one of each for the whole collection: a redis-server and a private PostgreSQL cluster.</summary>
public sealed class ServersFixture : IAsyncLifetime
{
    public RedisServerFixture Redis { get; } = new();

    public PostgresServerFixture Postgres { get; } = new();

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Postgres.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Postgres.DisposeAsync();
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }
}
