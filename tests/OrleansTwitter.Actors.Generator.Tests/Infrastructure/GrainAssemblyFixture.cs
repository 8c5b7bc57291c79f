using System.Reflection;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>
/// The sample grains, generated, compiled and loaded once per test class, with their
/// manifest populated; plus the reflection the tests need to reach types they cannot name.
/// </summary>
public sealed class GrainAssemblyFixture : IDisposable
{
    public const string UserGrain = "MyApp.Contracts.IUserGrain";
    public const string Pingable = "MyApp.Contracts.IPingable";
    public const string InnerGrain = "MyApp.Contracts.Outer+IInnerGrain";

    private readonly LoadedGrainAssembly _assembly;

    public GrainAssemblyFixture()
    {
        var run = GeneratorHarness.Run(Samples.ValidGrains);
        Assert.Empty(run.GeneratorDiagnostics);
        _assembly = new LoadedGrainAssembly(run.Output);
        (Interfaces, Classes) = _assembly.PopulateManifest();
    }

    internal IReadOnlyList<GrainInterfaceDescriptor> Interfaces { get; }

    internal IReadOnlyList<GrainClassDescriptor> Classes { get; }

    internal Type Type(string fullName) => _assembly.Type(fullName);

    internal object New(string fullName, params object?[] arguments) => Activator.CreateInstance(Type(fullName), arguments)!;

    internal object Tier(string name) => Enum.Parse(Type("MyApp.Contracts.Tier"), name);

    internal GrainInterfaceDescriptor Interface(string fullName) => Interfaces.Single(i => i.InterfaceType.FullName == fullName);

    internal GrainClassDescriptor GrainClass(string grainType) => Classes.Single(c => c.GrainType == grainType);

    /// <summary>
    /// A request made the way the runtime makes one for an incoming call: empty, then filled
    /// with <paramref name="arguments"/> if any are given (their count picks among overloads).
    /// </summary>
    internal GrainRequest NewRequest(string interfaceName, string method, params object?[] arguments)
    {
        var request = Interface(interfaceName).Methods
            .Single(m => m.Name == method && (arguments.Length == 0 || Arity(m) == arguments.Length))
            .CreateRequest();
        for (var i = 0; i < arguments.Length; i++)
        {
            ArgField(request, i).SetValue(request, arguments[i]);
        }

        return request;
    }

    internal static object? Arg(GrainRequest request, int index) => ArgField(request, index).GetValue(request);

    /// <summary>Calls a grain interface method through its interface, as user code would.</summary>
    internal object Call(object target, string interfaceName, string method, params object?[] arguments)
    {
        var candidates = Type(interfaceName).GetMethods().Where(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        var chosen = candidates.Single(m => m.GetParameters().Zip(arguments).All(p => p.Second is null || p.First.ParameterType.IsInstanceOfType(p.Second)));
        return chosen.Invoke(target, arguments)!;
    }

    public void Dispose() => _assembly.Dispose();

    private static int Arity(GrainMethodDescriptor method) =>
        method.CreateRequest().GetType().GetFields().Count(f => f.Name.StartsWith("Arg", StringComparison.Ordinal));

    private static FieldInfo ArgField(GrainRequest request, int index) =>
        request.GetType().GetField($"Arg{index}") ?? throw new InvalidOperationException($"{request.GetType().Name} has no Arg{index}.");
}
