namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>
/// A flow class with a <c>RunAsync</c> shaped and marked as the generator writes it (two required files, an
/// optional one, the metadata and guidance pairs, name, metadata, cancellation token), for analyzer and code-fix
/// tests, which compile without running the generator.
/// </summary>
internal static class RunAsyncSources
{
    public const string Flow = """
        using System.CodeDom.Compiler;
        using System.Text.Json.Nodes;
        using System.Threading;
        using System.Threading.Tasks;
        using TableFlow;

        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class Po
        {
            [GeneratedCode("TableFlow.Generators", "1.0.0.0")]
            public Task<FlowRun> RunAsync(
                FlowFile purchaseOrder,
                FlowFile invoice,
                FlowFile? deliveryNote = null,
                JsonObject? purchaseOrderMetadata = null, string? purchaseOrderGuidance = null,
                JsonObject? invoiceMetadata = null, string? invoiceGuidance = null,
                JsonObject? deliveryNoteMetadata = null, string? deliveryNoteGuidance = null,
                string? name = null,
                JsonObject? metadata = null,
                CancellationToken cancellationToken = default) => Task.FromResult<FlowRun>(null!);
        }

        """;
}
