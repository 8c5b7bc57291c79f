using System.Net;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Cluster;

/// <summary>
/// Tokens are protected with a key ring kept in the cluster's grain storage, so a token works on
/// every web instance that shares that storage, and on no other. Each embedded instance here is
/// a cluster of its own (one silo on free ports); only the File storage folder is common to them.
/// </summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly TemporaryFolder _storage = new("ot-web-keys-");

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_token_from_one_instance_works_on_another_that_shares_the_storage_and_not_on_one_that_does_not()
    {
        var shared = new Dictionary<string, string?> { ["Storage:Provider"] = "File", ["Storage:Path"] = _storage.Path };
        await using var first = WebApp.With(shared);
        var handle = Handles.Next("kr");
        var token = await NewUserAsync(first, handle);

        await using var second = WebApp.With(shared);
        await using var stranger = WebApp.With(new Dictionary<string, string?>());
        using var onSecond = second.CreateClient(token);
        using var onStranger = stranger.CreateClient(token);

        await ExpectAsync(HttpStatusCode.OK, await onSecond.GetAsync("/api/timeline"));
        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await onStranger.GetAsync("/api/timeline"));
        Assert.Contains(Directory.EnumerateFiles(_storage.Path, "*", SearchOption.AllDirectories), f => f.Contains("dataprotection", StringComparison.OrdinalIgnoreCase));
    }
}
