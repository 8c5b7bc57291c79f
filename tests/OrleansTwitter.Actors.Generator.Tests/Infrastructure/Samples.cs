namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>A valid grain assembly that exercises every shape the generator supports.</summary>
internal static class Samples
{
    public const string ValidGrains = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OrleansTwitter.Actors.Core;
        using OrleansTwitter.Actors.Persistence;

        namespace MyApp.Contracts
        {
            public sealed record Profile(string Handle, int Followers);

            public enum Tier { Free, Pro }

            public interface IPingable : IGrainWithStringKey
            {
                Task<string> Ping(string message);
            }

            public interface IUserGrain : IPingable
            {
                Task SetProfile(Profile profile);

                Task<Profile?> GetProfile();

                ValueTask Touch();

                ValueTask<long> Add(int a, long b);

                [AlwaysInterleave]
                Task<IReadOnlyList<string>> Handles(string? prefix, Tier level);

                // Names that could clash with GrainReference members and generated locals.
                Task<string> InvokeAsync(string request, int @event);

                Task<string> Describe(int value);

                Task<string> Describe(string value);
            }

            public interface ICounterGrain : IGrainWithIntegerKey
            {
                Task<long> Increment(long by);
            }

            public static class Outer
            {
                internal interface IInnerGrain : IGrainWithGuidKey
                {
                    Task<Guid> Echo(Guid id);
                }
            }
        }

        namespace MyApp.Grains
        {
            using MyApp.Contracts;

            public sealed class ProfileState
            {
                public Profile? Profile { get; set; }
            }

            public sealed class CountState
            {
                public long Count { get; set; }
            }

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public sealed class FixedClock : IClock
            {
                public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
            }

            [Reentrant]
            public sealed class UserGrain(
                [PersistentState("profile", "store")] IPersistentState<ProfileState> profile,
                IClock clock,
                int retries = 3,
                Tier tier = Tier.Pro,
                string? label = null,
                string name = "x") : Grain, IUserGrain
            {
                public Task<string> Ping(string message) => Task.FromResult($"{label}{name}{message}{retries}{tier}");

                public Task SetProfile(Profile value)
                {
                    profile.State.Profile = value;
                    return profile.WriteStateAsync();
                }

                public Task<Profile?> GetProfile() => Task.FromResult(profile.State.Profile);

                public ValueTask Touch() => clock.Now > DateTimeOffset.MinValue ? ValueTask.CompletedTask : ValueTask.CompletedTask;

                public ValueTask<long> Add(int a, long b) => ValueTask.FromResult(a + b);

                public Task<IReadOnlyList<string>> Handles(string? prefix, Tier level) => Task.FromResult<IReadOnlyList<string>>([prefix ?? "", level.ToString()]);

                public Task<string> InvokeAsync(string request, int @event) => Task.FromResult(request + @event);

                public Task<string> Describe(int value) => Task.FromResult("int " + value);

                public Task<string> Describe(string value) => Task.FromResult("string " + value);
            }

            [GrainType("counter-v2")]
            public sealed class CounterGrain([PersistentState("count")] IPersistentState<CountState> state) : Grain, ICounterGrain
            {
                public async Task<long> Increment(long by)
                {
                    state.State.Count += by;
                    await state.WriteStateAsync();
                    return state.State.Count;
                }
            }

            [Reentrant]
            public abstract class ReentrantGrainBase : Grain;

            public sealed class InnerGrain : ReentrantGrainBase, Outer.IInnerGrain
            {
                public Task<Guid> Echo(Guid id) => Task.FromResult(id);
            }

            // Derives from Grain but implements no grain interface: not registered.
            public sealed class HelperGrain : Grain;
        }

        namespace MyApp.Fakes
        {
            using MyApp.Contracts;

            // Implements the interface without being a grain, to run requests against.
            public sealed class FakeUser : IUserGrain
            {
                public Profile? Stored { get; private set; }

                public Task<string> Ping(string message) => Task.FromResult("pong " + message);

                public Task SetProfile(Profile profile)
                {
                    Stored = profile;
                    return Task.CompletedTask;
                }

                public Task<Profile?> GetProfile() => Task.FromResult(Stored);

                public async ValueTask Touch() => await Task.Yield();

                public async ValueTask<long> Add(int a, long b)
                {
                    await Task.Yield();
                    return a + b;
                }

                public Task<IReadOnlyList<string>> Handles(string? prefix, Tier level) => Task.FromResult<IReadOnlyList<string>>([prefix ?? "none", level.ToString()]);

                public Task<string> InvokeAsync(string request, int @event) => Task.FromResult(request + @event);

                public Task<string> Describe(int value) => Task.FromResult("int " + value);

                public Task<string> Describe(string value) => Task.FromResult("string " + value);
            }
        }
        """;
}
