using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Users;

// The follower's side of the follow graph.
internal sealed partial class UserGrain
{
    private bool _followingRepaired;

    private Dictionary<string, FollowedAccount> Accounts => following.State.Accounts;

    private bool HasPendingFollows => Accounts.Values.Any(a => !a.Active);

    public async Task FollowAsync(string handle)
    {
        EnsureRegistered();
        var target = Handle.Normalize(handle);
        if (target == Key)
        {
            throw new ArgumentException("A user cannot follow itself.", nameof(handle));
        }

        await EnsureFollowingRepairedAsync();
        Accounts.TryGetValue(target, out var account);
        if (account is { Active: true })
        {
            return;
        }

        if (account is null && Accounts.Count >= TimelineLimits.MaxFollowing)
        {
            throw new ArgumentException($"A user can follow at most {TimelineLimits.MaxFollowing} accounts; unfollow one first.", nameof(handle));
        }

        var followee = GrainFactory.GetGrain<IFolloweeGrain>(target);
        if (account is null)
        {
            // The chunk is chosen before the intent is written, so a retry re-sends the same one.
            var place = await followee.ReserveFollowerPlaceAsync();
            account = new FollowedAccount { Handle = place.Handle, Chunk = place.Chunk, Celebrity = place.Celebrity };
            Accounts[target] = account;
        }

        account.Intent = FollowIntent.Follow;
        await following.WriteStateAsync();
        await FinishOrLeavePendingAsync(target, account);
    }

    public async Task UnfollowAsync(string handle)
    {
        EnsureRegistered();
        var target = Handle.Normalize(handle);
        if (target == Key)
        {
            throw new ArgumentException("A user cannot follow, or unfollow, itself.", nameof(handle));
        }

        await EnsureFollowingRepairedAsync();
        if (!Accounts.TryGetValue(target, out var account))
        {
            // Not following: nothing to do, but an unknown handle is still an error.
            await GrainFactory.GetGrain<IFolloweeGrain>(target).DescribeAsync();
            return;
        }

        account.Intent = FollowIntent.Unfollow;
        await following.WriteStateAsync();
        await FinishOrLeavePendingAsync(target, account);
    }

    public async Task<HandlePage> GetFollowingAsync(string? cursor, int limit)
    {
        EnsureRegistered();
        Paging.ValidateLimit(limit);
        string? after = null;
        if (cursor is not null && !Handle.TryNormalize(cursor, out after))
        {
            throw new ArgumentException($"'{cursor}' is not a cursor of this list: pass the 'next' value of the previous page.", nameof(cursor));
        }

        await EnsureFollowingRepairedAsync();
        var keys = Accounts
            .Where(a => a.Value.Active && (after is null || string.CompareOrdinal(a.Key, after) > 0))
            .Select(a => a.Key)
            .Order(StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var items = keys.Take(limit).Select(k => Accounts[k].Handle).ToList();
        return new HandlePage(items, keys.Count > limit ? keys[limit - 1] : null);
    }

    private async Task FinishOrLeavePendingAsync(string target, FollowedAccount account)
    {
        try
        {
            await FinishIntentAsync(target, account);
        }
        catch
        {
            // The intent stays recorded: the next follow operation of this activation finishes it.
            _followingRepaired = false;
            throw;
        }
    }

    // Sends the recorded intent to the followee (idempotent there), then records it as done.
    private async Task FinishIntentAsync(string target, FollowedAccount account)
    {
        var followee = GrainFactory.GetGrain<IFolloweeGrain>(target);
        if (account.Intent == FollowIntent.Follow)
        {
            var info = await followee.AddFollowerAsync(MyHandle, account.Chunk);
            account.Intent = FollowIntent.None;
            account.Celebrity = info.Celebrity;
            await following.WriteStateAsync();
            OnFollowingChanged();
            if (!info.Celebrity)
            {
                await MergeFolloweeAsync(target);
            }
        }
        else if (account.Intent == FollowIntent.Unfollow)
        {
            await followee.RemoveFollowerAsync(MyHandle, account.Chunk);
            Accounts.Remove(target);
            await following.WriteStateAsync();
            OnFollowingChanged();
            _home?.RemoveAll(t => Handle.SameUser(t.Author, target));
        }
    }

    // Finishes follows and unfollows a crash interrupted between this user's write and the
    // followee's. Until it succeeds, the next follow operation tries again.
    private async Task EnsureFollowingRepairedAsync()
    {
        if (_followingRepaired)
        {
            return;
        }

        foreach (var (target, account) in Accounts.Where(a => !a.Value.Active).ToList())
        {
            var intent = account.Intent;
            try
            {
                await FinishIntentAsync(target, account);
                TimelineLog.FollowRepaired(services.Logger, Key, intent.ToString(), target);
            }
            catch (UnknownUserException)
            {
                // Only a registered followee gets an intent, so this is storage loss: drop it.
                Accounts.Remove(target);
                await following.WriteStateAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                TimelineLog.FollowRepairFailed(services.Logger, exception, Key, intent.ToString(), target);
                return;
            }
        }

        _followingRepaired = true;
    }
}
