namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>A new empty folder under the system's temporary folder, deleted with its content on dispose.</summary>
internal sealed class TemporaryFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
