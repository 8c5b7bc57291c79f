using System.Net.Http.Json;
using OrleansTwitter.Contracts;
using OrleansTwitter.LoadGen.Targets.Cluster;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Targets.Http;

/// <summary>
/// Accounts and access tokens for the active users, whose calls the http target makes. The
/// first account is created through the API (<c>POST /api/accounts</c>), which hashes the
/// password; the others get that same hash through the account grain, because a password hash
/// (PBKDF2, salt inside) verifies the password whoever holds it, and hashing once per user would
/// spend minutes of the web front end's CPU on set-up. Every user then signs in through the API
/// (<c>POST /api/sessions</c>), as a client would.
/// </summary>
internal static class HttpAccounts
{
    private const string Password = "benchmark-password";

    // A sign-in verifies a slow hash on the front end's CPU: more at once than it has cores only
    // queues them, until the client's timeout fails them.
    private static readonly int SignInsInFlight = 2 * Environment.ProcessorCount;

    /// <returns>Each active user's bearer token, by user number (null for users who are not active).</returns>
    public static async Task<string?[]> SignInAsync(HttpClient http, IClusterClient client, TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(progress);
        var active = workload.Active.Users;
        var first = UserHandles.Of(active[0]);
        using (var created = await http.PostAsJsonAsync("api/accounts", new { handle = first, password = Password }, cancellationToken))
        {
            await EnsureAsync(created, "POST /api/accounts", cancellationToken);
        }

        var hash = (await client.GetGrain<IAccountGrain>(first).GetCredentialsAsync())?.PasswordHash
            ?? throw new InvalidOperationException($"The account {first} created through the API has no credentials.");
        var accounts = progress.AddTask("http: accounts of the active users", maxValue: active.Count);
        accounts.Increment(1);
        await ParallelLoad.ForEachAsync(active.Skip(1), accounts, async (user, _) =>
        {
            var handle = UserHandles.Of(user);
            await client.GetGrain<IAccountGrain>(handle).CreateAsync(handle, hash, null);
            return 1;
        }, cancellationToken);

        var tokens = new string?[workload.Graph.Users];
        var sessions = progress.AddTask("http: sign-ins (POST /api/sessions)", maxValue: active.Count);
        await ParallelLoad.ForEachAsync(active, sessions, async (user, token) =>
        {
            using var response = await http.PostAsJsonAsync("api/sessions", new { handle = UserHandles.Of(user), password = Password }, token);
            await EnsureAsync(response, "POST /api/sessions", token);
            var session = await response.Content.ReadFromJsonAsync<HttpSession>(token)
                ?? throw new InvalidOperationException("POST /api/sessions answered no session.");
            tokens[user] = session.AccessToken;
            return 1;
        }, cancellationToken, SignInsInFlight);
        return tokens;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{request} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }
}
