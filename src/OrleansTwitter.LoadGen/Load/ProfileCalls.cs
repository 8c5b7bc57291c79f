using System.Globalization;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>
/// The measured call: <see cref="IUserGrain.GetProfileAsync"/> on a random registered user, a
/// real cross-process grain call with a small result (the user grain asks its tweets grain for
/// the count, a second call, to another silo when placement put it there). References are made
/// once, up front, so the loop measures calls rather than proxy creation.
/// </summary>
internal sealed class ProfileCalls
{
    private readonly IUserGrain[] _users;

    private ProfileCalls(IUserGrain[] users) => _users = users;

    public int Users => _users.Length;

    /// <summary>Registers <paramref name="count"/> users (<c>lg0</c>, <c>lg1</c>, ...), a few hundred at a time.</summary>
    public static async Task<ProfileCalls> PrepareAsync(IGrainFactory factory, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        const int Batch = 256;
        var users = new IUserGrain[count];
        for (var i = 0; i < count; i++)
        {
            users[i] = factory.GetGrain<IUserGrain>(Handle(i));
        }

        for (var first = 0; first < count; first += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Enumerable.Range(first, Math.Min(Batch, count - first)).Select(i => users[i].RegisterAsync(Handle(i), null));
            // False is fine: a user registered by an earlier set-up of the same cluster stands.
            await Task.WhenAll(batch);
        }

        return new ProfileCalls(users);
    }

    public Task<UserProfile> CallAsync() => _users[Random.Shared.Next(_users.Length)].GetProfileAsync();

    private static string Handle(int index) => "lg" + index.ToString(CultureInfo.InvariantCulture);
}
