using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansTwitter.Hosting.Storage;

namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>
/// File providers over a test's folder, with the serializer a silo configured by this project
/// uses (Orleans' System.Text.Json one). Each call is a new provider: separate instances open
/// separate lock-file handles, as two silos would.
/// </summary>
internal static class FileStorages
{
    public const string StateName = "profile";

    public static FileGrainStorage Create(string root, TimeProvider? time = null, TimeSpan? lockTimeout = null)
    {
        var options = new FileGrainStorageOptions { RootPath = root };
        if (lockTimeout is { } timeout)
        {
            options.LockTimeout = timeout;
        }

        return new FileGrainStorage(
            "test",
            options,
            new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
            time ?? TimeProvider.System,
            NullLogger<FileGrainStorage>.Instance);
    }

    public static GrainId NewGrainId(string purpose) => GrainId.Create("contract", $"{purpose}-{Guid.NewGuid():N}");

    public static GrainState<TestState> Holder(string text = "") => new(new TestState { Text = text });

    public static async Task<GrainState<TestState>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var holder = Holder();
        await storage.ReadStateAsync(stateName, grainId, holder);
        return holder;
    }

    public static string RecordPath(FileGrainStorage storage, GrainId grainId, string stateName = StateName) =>
        FileGrainStoragePaths.RecordPath(storage.RootPath, stateName, grainId);
}
