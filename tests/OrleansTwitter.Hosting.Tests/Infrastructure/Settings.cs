using Microsoft.Extensions.Configuration;

namespace OrleansTwitter.Hosting.Tests.Infrastructure;

/// <summary>Operator configuration built from key-value pairs, as the command line or environment would give it.</summary>
internal static class Settings
{
    public static IConfigurationRoot From(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
