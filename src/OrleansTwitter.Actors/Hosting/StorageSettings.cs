namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// The operator contract's <c>Storage:*</c> keys, which pick the default grain storage
/// provider of a silo (see DESIGN.md, "Operator contract").
/// </summary>
public sealed class StorageSettings
{
    /// <summary>The configuration section these settings bind from.</summary>
    public const string SectionName = "Storage";

    /// <summary><c>Storage:Provider</c>: <c>File</c>, <c>Memory</c> or <c>AzureBlob</c> (case-insensitive).</summary>
    /// <value><c>File</c>.</value>
    public string Provider { get; set; } = "File";

    /// <summary><c>Storage:Path</c>: the folder of the <c>File</c> provider.</summary>
    /// <value><c>./data</c>.</value>
    public string Path { get; set; } = "./data";

    /// <summary><c>Storage:ConnectionString</c>: the account of the <c>AzureBlob</c> provider.</summary>
    /// <value><c>UseDevelopmentStorage=true</c>.</value>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary><c>Storage:Container</c>: the blob container of the <c>AzureBlob</c> provider.</summary>
    /// <value><c>grains</c>.</value>
    public string Container { get; set; } = "grains";
}
