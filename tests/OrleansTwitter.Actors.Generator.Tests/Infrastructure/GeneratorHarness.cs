using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>Compiles C# snippets and runs the generator over them, as a consumer's build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// Nullable on and every warning wave, like the repository's build. CS1701/CS1702 (assembly
    /// version unification) are noise from compiling against implementation assemblies; the SDK
    /// suppresses them the same way.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference>? extraReferences = null, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.AddRange(extraReferences ?? []),
            CompilationOptions);

    public static GeneratorRun Run(string source, string assemblyName = "TestGrains") => Run(Compile(assemblyName, null, source));

    public static GeneratorRun Run(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ActorsGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();

        // The runtime and the ASP.NET shared framework assemblies its generated code uses, in
        // case the test host's platform list ever leaves them out.
        paths.Add(typeof(GrainReference).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions).Assembly.Location);
        paths.Add(typeof(IServiceProvider).Assembly.Location);
        paths.Add(typeof(System.Text.Json.JsonSerializer).Assembly.Location);

        return [.. paths
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))];
    }
}
