namespace OrleansTwitter.Hosting.Storage;

/// <summary>Settings of the <c>File</c> grain storage provider.</summary>
public sealed class FileGrainStorageOptions
{
    /// <summary>The folder that holds the records (<c>Storage:Path</c>), relative to the working directory.</summary>
    /// <value><c>./data</c>.</value>
    public string RootPath { get; set; } = "./data";

    /// <summary>How long a write waits for another writer's lock on the same record, possibly in another process.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
