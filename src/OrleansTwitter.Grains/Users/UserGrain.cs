using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.UserDirectory;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// A user, keyed by the lower-case handle: profile, both sides of the follow graph, posting,
/// and the bounded home timeline in memory. Split by concern over partial files: following
/// (the follower's side), followers (the followee's side), posting, and the home timeline.
/// </summary>
/// <remarks>
/// Each concern persists its own state, so that no write carries another concern's data (a new
/// follower does not rewrite the following list) and the followee-side operations, which
/// interleave with the user's own requests, never write a state a request is writing.
/// </remarks>
[GrainType(GrainTypeName)]
internal sealed partial class UserGrain(
    [PersistentState(ProfileState.Name)] IPersistentState<ProfileState> profile,
    [PersistentState(FollowingState.Name)] IPersistentState<FollowingState> following,
    [PersistentState(FollowersState.Name)] IPersistentState<FollowersState> followers,
    [PersistentState(HomeSnapshotState.Name)] IPersistentState<HomeSnapshotState> snapshot,
    TimelineServices services) : Grain, IUserGrain, IFolloweeGrain, ITimelineSubscriberGrain
{
    public const string GrainTypeName = "user";

    private HomeTimeline? _home;
    private object? _activeToken;
    private FollowerBook? _followerBook;
    private IUserTweetsGrain? _ownTweets;

    private string Key => this.GetPrimaryKeyString();

    private TimelineOptions Options => services.Options;

    private HomeTimeline Home => _home ??= new HomeTimeline(Options.Capacity);

    // Created when the user first acts as a followee: most activations never need it.
    private FollowerBook Book => _followerBook ??= new FollowerBook(
        followers, Key, GrainFactory, Options, AnnounceCelebrityAsync, services.Logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!profile.State.Registered)
        {
            return Task.CompletedTask;
        }

        // In memory on this silo from now on: fan-out delivers here until deactivation.
        _activeToken = services.Timelines.Join(Key, this.AsReference<ITimelineSubscriberGrain>());

        // Work a crash left behind is finished in a turn of its own right away, rather than in
        // activation: finishing it calls other users, whose calls back (deliveries, celebrity
        // announcements) could not run while this activation is still activating.
        if (HasPendingFollows || FollowerBook.NeedsRecovery(followers.State, Options))
        {
            this.RegisterGrainTimer(
                RecoverOnceAsync,
                new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = false });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_activeToken is { } token)
        {
            services.Timelines.Leave(Key, token);
            _activeToken = null;
        }

        // The window this timeline covers, for the rebuild of the next activation. A timeline
        // never rebuilt in this activation, or still missing a source it could not pull, is
        // partial, and the old snapshot still describes the window to pull; an unchanged window
        // is not written again.
        if (_rebuilt && _unpulled is not { Count: > 0 } && profile.State.Registered)
        {
            var home = Home;
            var window = (home.Oldest?.Id, home.Newest?.Id, home.Count);
            if (window != (snapshot.State.Oldest, snapshot.State.Newest, snapshot.State.Count))
            {
                (snapshot.State.Oldest, snapshot.State.Newest, snapshot.State.Count) = window;
                await snapshot.WriteStateAsync(cancellationToken);
            }
        }
    }

    public async Task<bool> RegisterAsync(string handle, string? displayName)
    {
        var key = Handle.Normalize(handle);
        if (key != Key)
        {
            throw new ArgumentException($"The handle '{handle}' does not belong to user '{Key}': register a user through the grain its handle keys.", nameof(handle));
        }

        var name = DisplayName.Normalize(displayName, handle);
        if (profile.State.Registered)
        {
            // Listed again: a registration that failed between the profile and the directory
            // is finished by its retry, which lands here (the directory ignores a repeat).
            await ListInDirectoryAsync();
            return false;
        }

        profile.State.Handle = handle;
        profile.State.DisplayName = name;
        profile.State.CreatedAt = services.TimeProvider.GetUtcNow();
        await profile.WriteStateAsync();
        await ListInDirectoryAsync();

        // A new user follows nobody: there is nothing to pull.
        _rebuilt = true;
        _followingRepaired = true;
        _activeToken ??= services.Timelines.Join(Key, this.AsReference<ITimelineSubscriberGrain>());
        return true;
    }

    public async Task<UserProfile> GetProfileAsync()
    {
        EnsureRegistered();
        await RecoverAsync();
        var tweets = await OwnTweets.GetCountAsync();
        var state = profile.State;
        return new UserProfile(
            state.Handle!,
            state.DisplayName,
            followers.State.Count,
            following.State.Accounts.Values.Count(a => a.Active),
            tweets,
            followers.State.Celebrity,
            state.CreatedAt);
    }

    /// <summary>The handle as registered; only after <see cref="EnsureRegistered"/>.</summary>
    private string MyHandle => profile.State.Handle!;

    private void EnsureRegistered()
    {
        if (!profile.State.Registered)
        {
            // Nothing to keep in memory for a handle nobody registered.
            DeactivateOnIdle();
            throw UnknownUserException.ForHandle(Key);
        }
    }

    private Task RecoverOnceAsync(CancellationToken cancellationToken) => RecoverAsync();

    private Task ListInDirectoryAsync() => GrainFactory
        .GetGrain<IDirectoryPartitionGrain>(DirectoryPartitions.Of(Key))
        .AddAsync(profile.State.Handle!, profile.State.DisplayName);

    private async Task RecoverAsync()
    {
        await EnsureFollowingRepairedAsync();
        if (FollowerBook.NeedsRecovery(followers.State, Options))
        {
            await Book.RecoverAsync();
        }
    }

    private IUserTweetsGrain UserTweets(string authorKey) => GrainFactory.GetGrain<IUserTweetsGrain>(authorKey);

    // Kept rather than made per call: a profile read asks it for the tweet count every time.
    private IUserTweetsGrain OwnTweets => _ownTweets ??= UserTweets(Key);

    // Announced under the follower book's gate, so a burst of follows around the threshold
    // announces each state once, in order.
    private async Task AnnounceCelebrityAsync(bool celebrity, FollowersState state)
    {
        await OwnTweets.SetCelebrityAsync(celebrity);
        await GrainFactory.GetGrain<IFanoutGrain>(Key).AnnounceCelebrityAsync(celebrity, FollowerBook.ChunkCountOf(state), state.Version);
    }
}
