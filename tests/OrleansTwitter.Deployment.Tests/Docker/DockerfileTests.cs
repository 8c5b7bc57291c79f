using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// What silo.Dockerfile promises (issue 18), read from the file since no Docker engine runs
/// here: a multi-stage build (SDK publishes, ASP.NET runtime runs), a non-root user, a health
/// check, the operator contract's ports, and one image for both programs.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Parse(Repository.Read("silo.Dockerfile"));

    [Fact]
    public void The_SDK_image_publishes_both_programs_and_the_ASP_NET_runtime_image_runs_them()
    {
        Assert.True(File.StageCount >= 2, $"expected a multi-stage build, found {File.StageCount} stage(s)");
        var (buildImage, buildName) = File.From(0);
        var (runImage, _) = File.From(File.FinalStage);
        // The SDK the repository builds with (global.json), in both images' tags.
        var sdk = JsonDocument.Parse(Repository.Read("global.json")).RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        var major = string.Join('.', sdk.Split('.').Take(2));
        Assert.StartsWith($"mcr.microsoft.com/dotnet/sdk:{major}", buildImage, StringComparison.Ordinal);
        Assert.StartsWith($"mcr.microsoft.com/dotnet/aspnet:{major}", runImage, StringComparison.Ordinal);
        Assert.NotNull(buildName);

        var published = string.Join(' ', File.InStage(0, "RUN").Select(r => r.Arguments));
        Assert.Contains("dotnet publish src/OrleansTwitter.Silo/OrleansTwitter.Silo.csproj -c Release --no-restore -o /app/silo", published, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/OrleansTwitter.Web/OrleansTwitter.Web.csproj -c Release --no-restore -o /app/web", published, StringComparison.Ordinal);

        // The runtime stage takes the published folders from the build stage and builds nothing itself.
        Assert.Equal("/app", File.InStage(File.FinalStage, "WORKDIR").Last().Arguments);
        var copies = File.InStage(File.FinalStage, "COPY").Select(c => c.Arguments).ToList();
        Assert.Contains($"--from={buildName} /app/silo ./silo/", copies);
        Assert.Contains($"--from={buildName} /app/web ./web/", copies);
        Assert.Empty(File.InStage(File.FinalStage, "RUN"));
    }

    [Fact]
    public void It_runs_as_a_numeric_non_root_user()
    {
        var user = File.InStage(File.FinalStage, "USER").Last().Arguments;
        // Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
        Assert.True(int.TryParse(user.Split(':')[0], out var uid), $"USER {user} is not numeric");
        Assert.NotEqual(0, uid);
        var lastUser = File.Instructions.Last(i => i.Keyword == "USER");
        var entrypoint = File.Instructions.Last(i => i.Keyword == "ENTRYPOINT");
        Assert.True(File.Instructions.ToList().IndexOf(lastUser) < File.Instructions.ToList().IndexOf(entrypoint), "USER comes after ENTRYPOINT");
    }

    [Fact]
    public void It_exposes_the_operator_contracts_ports()
    {
        var exposed = File.InStage(File.FinalStage, "EXPOSE").SelectMany(e => e.Arguments.Split(' ')).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        // The silo's ports as it ships them (appsettings.json beside its binary).
        var silo = JsonDocument.Parse(Repository.Read("src/OrleansTwitter.Silo/appsettings.json")).RootElement.GetProperty("Silo");
        int[] contract = [silo.GetProperty("Port").GetInt32(), silo.GetProperty("GatewayPort").GetInt32(), silo.GetProperty("HttpPort").GetInt32(), WebPort()];
        Assert.Equal([5000, 8080, 11111, 30000], contract.Order());
        Assert.Equal(contract.Order(), exposed.Order());
    }

    [Fact]
    public void One_entrypoint_runs_the_silo_or_the_web_front_end_and_answers_the_health_check()
    {
        Assert.Equal(["/app/entrypoint.sh"], Dockerfile.ExecForm(File.InStage(File.FinalStage, "ENTRYPOINT").Single().Arguments));
        Assert.Equal(["silo"], Dockerfile.ExecForm(File.InStage(File.FinalStage, "CMD").Single().Arguments));
        Assert.Contains(File.InStage(File.FinalStage, "COPY"), c => c.Arguments == "--chmod=0755 docker/entrypoint.sh ./entrypoint.sh");

        var healthcheck = File.InStage(File.FinalStage, "HEALTHCHECK").Single().Arguments;
        var command = healthcheck[(healthcheck.IndexOf(" CMD ", StringComparison.Ordinal) + 5)..];
        Assert.Equal(["/app/entrypoint.sh", "health"], Dockerfile.ExecForm(command));
        // Docker waits this long for a starting silo (it joins the cluster first) before failures count.
        Assert.Matches(@"--start-period=\d+s", healthcheck);
    }

    [Fact]
    public void The_entrypoint_runs_the_dlls_the_system_tests_run()
    {
        var script = Repository.Read("docker/entrypoint.sh");
        Assert.Contains($"silo) program=\"$app/silo/{Path.GetFileName(Repository.SiloAssembly)}\" ;;", script, StringComparison.Ordinal);
        Assert.Contains($"web) program=\"$app/web/{Path.GetFileName(Repository.WebAssembly)}\" ;;", script, StringComparison.Ordinal);
        // exec: the program replaces the shell, so SIGTERM reaches it and its exit code is the container's.
        Assert.Contains("exec dotnet \"$program\" \"$@\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_keeps_what_the_build_copies_and_leaves_out_build_output()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        var sources = File.Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(c => c.Arguments.Split(' ').Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));
        foreach (var source in sources)
        {
            Assert.True(System.IO.File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY {source}: no such file in the repository");
            var top = source.Split('/')[0];
            Assert.DoesNotContain(ignored, pattern => pattern.TrimEnd('/') == top || pattern == source);
        }
    }

    /// <summary>The web front end's port in the image: from its <c>ASPNETCORE_URLS</c>.</summary>
    private static int WebPort()
    {
        var environment = string.Join(' ', File.InStage(File.FinalStage, "ENV").Select(e => e.Arguments));
        var url = Regex.Match(environment, @"ASPNETCORE_URLS=http://\+:(\d+)");
        Assert.True(url.Success, "the image sets no ASPNETCORE_URLS=http://+:<port> for the web front end");
        return int.Parse(url.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
