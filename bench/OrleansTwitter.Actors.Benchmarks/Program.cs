using BenchmarkDotNet.Running;
using OrleansTwitter.Actors.Benchmarks;

// Runs what --filter selects; `--filter '*'` runs every benchmark.
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
