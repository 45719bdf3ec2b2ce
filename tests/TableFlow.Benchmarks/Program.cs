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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
