namespace OrleansTwitter.Actors.Persistence;

/// <summary>Well-known storage provider names.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider used when <c>[PersistentState]</c> names none.</summary>
    public const string Default = "Default";
}
