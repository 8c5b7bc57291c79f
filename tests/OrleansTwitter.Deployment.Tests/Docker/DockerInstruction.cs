namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments as written, and the build stage it belongs to (0-based; -1 before the first FROM).</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage);
