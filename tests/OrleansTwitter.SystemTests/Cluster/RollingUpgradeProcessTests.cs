using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;
using RedisServerFixture = OrleansTwitter.Actors.Redis.Tests.Infrastructure.RedisServerFixture;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The upgrade an operator runs on three silo processes: start one more silo, SIGTERM one of the
/// originals, and repeat until none of them is left. The client reads the Redis membership table,
/// as the web tier in client mode does, and keeps posting and reading profiles throughout.
/// </summary>
[Trait("Category", "System")]
public sealed class RollingUpgradeProcessTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Users = 12;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // How long the load runs against each step's cluster, so that every step serves calls.
    private static readonly TimeSpan LoadPerStep = TimeSpan.FromMilliseconds(500);

    private readonly RedisServerFixture _redis;
    private readonly string _folder = Directory.CreateTempSubdirectory("ot-rolling-").FullName;
    private readonly string _clusterId = "rolling-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<HostProcess> _silos = [];

    public RollingUpgradeProcessTests(RedisServerFixture redis) => _redis = redis;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Replacing_every_silo_process_one_at_a_time_under_load_fails_no_request_and_loses_no_tweet()
    {
        try
        {
            var originals = new List<HostProcess>();
            for (var i = 0; i < 3; i++)
            {
                originals.Add(StartSilo());
            }

            await WaitUntilEverySiloSeesAsync(3, newcomerPort: null);

            using var client = await ClusterClientHost.StartWithRedisMembershipAsync(_redis.ConnectionString, _clusterId);
            var factory = client.Services.GetRequiredService<IClusterClient>();
            var users = Enumerable.Range(0, Users).Select(i => factory.GetGrain<IUserGrain>($"roller{i}")).ToArray();
            await Task.WhenAll(users.Select((u, i) => u.RegisterAsync($"roller{i}", null)));

            var posted = new int[Users];
            var failures = new List<string>();
            using var stop = new CancellationTokenSource();
            var load = users.Select((user, i) => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await user.PostAsync($"tweet {posted[i] + 1} of roller{i}", null);
                        var acknowledged = Volatile.Read(ref posted[i]) + 1;
                        Volatile.Write(ref posted[i], acknowledged);

                        // A read after an acknowledged post sees it, whichever silo serves it now.
                        var profile = await user.GetProfileAsync();
                        if (profile.Tweets != acknowledged)
                        {
                            Fail(failures, $"roller{i} read {profile.Tweets} tweets after {acknowledged} acknowledged posts");
                            return;
                        }
                    }
                    catch (Exception exception)
                    {
                        Fail(failures, $"roller{i}: {exception.GetType().Name}: {exception.Message}");
                        return;
                    }
                }
            })).ToArray();

            await Task.Delay(LoadPerStep);
            foreach (var old in originals)
            {
                var port = FreeTcpPort.Next();
                StartSilo(port);
                await WaitUntilEverySiloSeesAsync(4, port);
                await Task.Delay(LoadPerStep);

                old.Terminate();
                Assert.Equal(0, await old.WaitForExitAsync(StopTimeout));
                _silos.Remove(old);
                await old.DisposeAsync();
                await Task.Delay(LoadPerStep);
            }

            var beforeLastStep = posted.ToArray();
            await Task.Delay(LoadPerStep);
            await stop.CancelAsync();
            await Task.WhenAll(load).WaitAsync(StopTimeout);

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
            for (var i = 0; i < Users; i++)
            {
                Assert.True(posted[i] > beforeLastStep[i], $"roller{i} made no progress once only new silos were left");

                // Every acknowledged post is stored once: none lost in three moves, none doubled by a retry.
                Assert.Equal(posted[i], (await users[i].GetProfileAsync()).Tweets);
            }
        }
        finally
        {
            foreach (var silo in _silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private HostProcess StartSilo(int? port = null)
    {
        string[] arguments =
        [
            "--Cluster:Membership=Redis", $"--Redis:ConnectionString={_redis.ConnectionString}", $"--Cluster:ClusterId={_clusterId}",
            $"--Storage:Path={Path.Combine(_folder, "data")}", $"--Silo:HttpPort={FreeTcpPort.Next()}",
        ];
        var silo = HostProcess.Start(HostProcess.SiloAssemblyPath, _folder,
            port is { } p ? [.. arguments, $"--Silo:Port={p.ToString(CultureInfo.InvariantCulture)}"] : arguments);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Every running silo logs a view of exactly <paramref name="count"/> active silos that
    /// includes the one listening on <paramref name="newcomerPort"/> (when given): an older
    /// view of that size, from before the last departure, does not count.
    /// </summary>
    private async Task WaitUntilEverySiloSeesAsync(int count, int? newcomerPort)
    {
        var newcomer = newcomerPort is { } port ? $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}@" : null;
        foreach (var silo in _silos)
        {
            await silo.WaitForOutputAsync(
                $"a membership view with {count} active silos" + (newcomer is null ? string.Empty : $" including {newcomer}"),
                line => HostProcess.ActiveSilosIn(line) == count && (newcomer is null || line.Contains(newcomer, StringComparison.Ordinal)),
                StartTimeout);
        }
    }

    private static void Fail(List<string> failures, string failure)
    {
        lock (failures)
        {
            failures.Add(failure);
        }
    }
}
