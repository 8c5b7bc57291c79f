using System.Reflection;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>Everything a <see cref="Silo"/> is built from, resolved once from the host's services.</summary>
internal sealed record SiloDependencies(
    IServiceProvider Services,
    MessagingOptions Messaging,
    GrainCollectionOptions Collection,
    SiloNetworkOptions Network,
    ClusterMembershipOptions Membership,
    IMembershipTable MembershipTable,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    IReadOnlyList<Assembly> ExplicitAssemblies,
    Action? OnFenced);
