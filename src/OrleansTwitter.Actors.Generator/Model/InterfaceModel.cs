namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>A grain interface the generator emits a proxy and requests for.</summary>
/// <param name="FullName">The full name without global::, e.g. MyApp.Contracts.IUserGrain.</param>
/// <param name="GlobalName">The global::-qualified name, for code.</param>
/// <param name="InterfaceId">FNV-1a 32 of <paramref name="FullName"/>.</param>
/// <param name="IsPublic">Whether the interface is public from outside its assembly.</param>
/// <param name="TypePrefix">The sanitized full name the generated type names start with.</param>
/// <param name="Methods">Its methods, inherited ones included, in declaration order.</param>
internal sealed record InterfaceModel(
    string FullName,
    string GlobalName,
    int InterfaceId,
    bool IsPublic,
    string TypePrefix,
    EquatableArray<MethodModel> Methods)
{
    public string ProxyName => TypePrefix + "_Proxy";
}
