using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using OrleansTwitter.Actors.Generator.Emitting;
using OrleansTwitter.Actors.Generator.Model;
using OrleansTwitter.Actors.Generator.Reading;

namespace OrleansTwitter.Actors.Generator;

/// <summary>
/// Emits a proxy and request classes for every grain interface, and a manifest provider that
/// registers them and every grain class, so the runtime needs no reflection on the call path.
/// Public because Roslyn instantiates it from the analyzer assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActorsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The pipeline carries only value-equatable models (strings and arrays of them), never
        // symbols, so an edit that leaves a grain's shape unchanged regenerates nothing.
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(GrainInterfaceReader.IsCandidate, GrainInterfaceReader.Read)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.GrainInterfaces);
        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(GrainClassReader.IsCandidate, GrainClassReader.Read)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.GrainClasses);
        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty);

        context.RegisterSourceOutput(interfaces, static (output, result) =>
        {
            if (result.Model is { } model)
            {
                output.AddSource(InterfaceEmitter.HintName(model), InterfaceEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(
            interfaces.Collect().Combine(classes.Collect()).Combine(assemblyName).WithTrackingName(TrackingNames.Manifest),
            static (output, input) => EmitManifest(output, input.Left.Left, input.Left.Right, input.Right));

        // Diagnostics are reported apart from the emitted code because mapping them back onto
        // the compilation's syntax trees (so that they are real source locations the editor
        // can underline) needs the compilation, which changes on every edit. This step only
        // loops over the (usually empty) diagnostics; the emission steps above stay cached.
        var diagnostics = interfaces.Select(static (result, _) => result.Diagnostics).Collect()
            .Combine(classes.Select(static (result, _) => result.Diagnostics).Collect())
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(diagnostics, static (output, input) =>
            Report(output, input.Left.Left.Concat(input.Left.Right).SelectMany(d => d), input.Right));
    }

    private static void EmitManifest(
        SourceProductionContext output,
        ImmutableArray<ReadResult<InterfaceModel>> interfaces,
        ImmutableArray<ReadResult<GrainClassModel>> classes,
        string assemblyName)
    {
        var interfaceModels = interfaces.Select(r => r.Model).OfType<InterfaceModel>().ToList();
        var classModels = classes.Select(r => r.Model).OfType<GrainClassModel>().ToList();
        if (interfaceModels.Count == 0 && classModels.Count == 0)
        {
            return;
        }

        output.AddSource(ManifestEmitter.HintName, ManifestEmitter.Emit(assemblyName, interfaceModels, classModels));
    }

    private static void Report(SourceProductionContext output, IEnumerable<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        Dictionary<string, SyntaxTree>? trees = null;
        foreach (var diagnostic in diagnostics)
        {
            trees ??= compilation.SyntaxTrees
                .GroupBy(tree => tree.FilePath)
                .ToDictionary(group => group.Key, group => group.First());
            output.ReportDiagnostic(diagnostic.ToDiagnostic(trees));
        }
    }
}
