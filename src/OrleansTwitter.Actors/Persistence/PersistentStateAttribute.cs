namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the
/// runtime supplies the state named <paramref name="stateName"/> from the storage provider
/// <paramref name="storageName"/> (the default provider when omitted).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
