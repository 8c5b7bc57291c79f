namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this marker type; the compiler needs it for the init accessors of
// positional records, which the pipeline models use for value equality.
internal static class IsExternalInit;
