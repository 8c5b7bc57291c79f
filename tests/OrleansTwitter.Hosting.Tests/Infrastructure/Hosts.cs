using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OrleansTwitter.Hosting.Tests.Infrastructure;

/// <summary>
/// Host builders as the silo and web hosts make them, with only the given configuration: no
/// appsettings, environment variables or command line of the test process leak in.
/// </summary>
internal static class Hosts
{
    public static HostApplicationBuilder Builder(params (string Key, string? Value)[] values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return builder;
    }

    /// <summary>The host <paramref name="add"/> makes of a builder with <paramref name="values"/>, built and not started.</summary>
    public static IHost Build(Action<IHostApplicationBuilder> add, params (string Key, string? Value)[] values)
    {
        var builder = Builder(values);
        add(builder);
        return builder.Build();
    }
}
