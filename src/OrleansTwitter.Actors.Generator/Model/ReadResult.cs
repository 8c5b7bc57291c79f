namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>
/// What reading one declaration produced: a model when it is valid (null when it has errors,
/// so nothing is emitted for it and users see the diagnostic rather than a cascade of
/// compile errors) and the diagnostics to report.
/// </summary>
internal sealed record ReadResult<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class;
