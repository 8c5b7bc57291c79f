namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>A grain method parameter.</summary>
/// <param name="Name">The parameter's name, escaped with @ when it is a keyword.</param>
/// <param name="Type">Its global::-qualified type with nullable annotations.</param>
internal sealed record ParameterModel(string Name, string Type);
