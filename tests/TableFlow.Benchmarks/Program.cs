using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using TableFlow.Benchmarks.Generators;
using TableFlow.Benchmarks.Sink;
using TableFlow.Benchmarks.Upload;

namespace TableFlow.Benchmarks;

/// <summary>
/// Runs the benchmarks (<c>dotnet run -c Release --project tests/TableFlow.Benchmarks -- --filter '*'</c>), or one of
/// the helper commands: <c>sink</c> (the Kestrel sink on its own, for large-upload.sh), <c>upload</c> (one upload
/// through our client, for large-upload.sh), <c>steps</c> (which generator steps re-run after an edit) and
/// <c>transform-costs</c> (what each semantic read of a transform costs per update).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "sink": return await SinkCommand.RunAsync(args).ConfigureAwait(false);
                case "upload": return await UploadCommand.RunAsync(args).ConfigureAwait(false);
                case "steps": return StepsCommand.Run(args);
                case "transform-costs": return TransformCostsCommand.Run(args);
            }
        }

        // BenchmarkDotNet's default toolchain builds a child project that references this one, and that child gets no
        // TableFlow.dll: the runtime's PackageId is "TableFlow.Generators", the generator project's name, so NuGet keeps
        // one of the two in the transitive graph (CS0234 on TableFlow.FlowRun). Until the identities differ, run in
        // process (same engine, warmup and statistics; MemoryDiagnoser works; the sink stays in its own process).
        if (!args.Any(a => a is "--inProcess" or "-i" or "--list" or "--help" or "--version"))
        {
            args = args.Append("--inProcess").ToArray();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
