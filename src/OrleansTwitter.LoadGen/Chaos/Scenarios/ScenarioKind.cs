namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>The failure scenarios of issue 18, by their command-line names.</summary>
internal enum ScenarioKind
{
    /// <summary><c>kill</c>: SIGKILL of one silo of three.</summary>
    Kill,

    /// <summary><c>scale</c>: 2 → 3 → 2 silos.</summary>
    Scale,

    /// <summary><c>rolling</c>: each of three silos replaced by one of the same build (start the new one, SIGTERM the old).</summary>
    Rolling,

    /// <summary><c>redis-restart</c>: Redis (append-only persistence) stopped for 5 s and started again.</summary>
    RedisRestart,

    /// <summary><c>rolling-new-contracts</c>: the rolling upgrade to a build whose contracts gained a field.</summary>
    RollingNewContracts,
}
