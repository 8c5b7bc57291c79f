namespace OrleansTwitter.Actors.Core;

/// <summary>Collects the generated descriptors of every grain assembly.</summary>
public sealed class ActorsManifestBuilder
{
    internal List<GrainInterfaceDescriptor> Interfaces { get; } = [];

    internal List<GrainClassDescriptor> GrainClasses { get; } = [];

    public void AddInterface(GrainInterfaceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Interfaces.Add(descriptor);
    }

    public void AddGrainClass(GrainClassDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        GrainClasses.Add(descriptor);
    }
}
