using System.Globalization;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.LoadGen.Chaos.Rig;

/// <summary>A silo or web front end of a <see cref="ChaosRig"/>: its process, its build and its HTTP address (the silo's <c>Silo:HttpPort</c>, or the web's <c>--urls</c>).</summary>
internal sealed record RigProcess(string Name, ChildProcess Process, HostBuild Build, int HttpPort)
{
    public Uri HttpAddress { get; } = new("http://127.0.0.1:" + HttpPort.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => $"{Name} ({Build.Name})";
}
