using System.IO.Enumeration;
using BenchmarkDotNet.Running;
using OrleansTwitter.Benchmarks.Shared;
using OrleansTwitter.Timeline.Benchmarks;

// Runs what --filter selects; `--filter '*'` runs every benchmark and the memory measurement,
// which is a measurement of retained memory rather than a timing and so runs in this process.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ShortJobConfig.Create(measuredIterations: 8));

var filters = args.SkipWhile(a => a != "--filter").Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
if (filters.Any(f => FileSystemName.MatchesSimpleExpression(f, MemoryPerActiveUser.Name)))
{
    Console.WriteLine();
    Console.WriteLine(await MemoryPerActiveUser.MeasureAsync());
}
