namespace OrleansTwitter.LoadGen.Targets;

/// <summary>The systems the <c>load</c> command compares, as the issue names them.</summary>
internal enum TargetKind
{
    /// <summary>Our grains through the Orleans client, over TCP to silo processes.</summary>
    Cluster,

    /// <summary>Our web API, through keep-alive connections with authenticated users.</summary>
    Http,

    /// <summary>Approach 2, Twitter 2012: fan-out on write to Redis lists.</summary>
    Redis,

    /// <summary>Approach 1: join on read in PostgreSQL.</summary>
    Sql,

    /// <summary>Orleans with Chirper's design: a post calls every follower's grain.</summary>
    Chirper,
}
