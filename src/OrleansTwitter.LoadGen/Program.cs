using OrleansTwitter.LoadGen;
using Spectre.Console;

// Written to a file or a pipe (benchmarks/run.sh | tee), the console has no width of its own and
// Spectre would fold the result tables into 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
}

// One command per benchmark; each starts what it measures (or connects to the servers it is
// given) and stops what it started.
return await LoadGenCommands.CreateRoot().Parse(args).InvokeAsync();
