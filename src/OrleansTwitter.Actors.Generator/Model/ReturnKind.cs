namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>The four awaitable return types a grain method may have.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
