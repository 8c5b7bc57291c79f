using BenchmarkDotNet.Running;
using OrleansTwitter.Benchmarks.Shared;

// Runs what --filter selects; `--filter '*'` runs every benchmark.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ShortJobConfig.Create(measuredIterations: 10, inProcess: true));
