namespace OrleansTwitter.Actors.Core;

/// <summary>
/// Lets the requests of a grain class interleave at awaits. Turns still never run at the
/// same time; a reentrant grain simply starts a new request while another awaits.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>
/// Marks a grain interface method whose requests may interleave with any other request of
/// the activation, even on a non-reentrant grain.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>Overrides the grain type name derived from the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
