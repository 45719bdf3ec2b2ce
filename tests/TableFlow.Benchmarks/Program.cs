using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/TableFlow.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
