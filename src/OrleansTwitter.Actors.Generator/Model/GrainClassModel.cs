namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>A grain class the manifest registers.</summary>
/// <param name="GlobalName">The global::-qualified class name.</param>
/// <param name="GrainType">The grain type name.</param>
/// <param name="IsReentrant">Whether the class or a base class carries [Reentrant].</param>
/// <param name="Interfaces">The global::-qualified grain interfaces it implements.</param>
/// <param name="ConstructorArguments">
/// One C# expression per constructor parameter, over a lambda parameter named ctx. They are
/// built while the symbols are at hand because defaults and nullability decide their shape.
/// </param>
internal sealed record GrainClassModel(
    string GlobalName,
    string GrainType,
    bool IsReentrant,
    EquatableArray<string> Interfaces,
    EquatableArray<string> ConstructorArguments);
