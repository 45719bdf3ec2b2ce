using System.Collections.Generic;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// The source files of the generator benchmarks: <see cref="Count"/> flow classes (five file fields each, in every
/// shape) and the same flows as Refit <c>[Multipart]</c> interfaces, plus one unrelated file. Every flow file also
/// holds a method with a body, so the benchmarks can edit "inside one flow" without touching its declaration.
/// </summary>
public static class BenchmarkSources
{
    /// <summary>How many flows each compilation declares.</summary>
    public const int Count = 1000;

    /// <summary>The index of the flow whose method body the "edit in a flow" benchmark changes.</summary>
    public const int EditedFlow = Count / 2;

    /// <summary>The unrelated file (a service class with a method), the same in both compilations.</summary>
    public static string Unrelated(int version) => $$"""
        namespace Shop.Services
        {
            public sealed class PriceCalculator
            {
                public decimal Total(decimal net, decimal vatRate)
                {
                    var gross = net * (1 + vatRate);
                    return decimal.Round(gross + {{version}}m, 2);
                }
            }
        }
        """;

    /// <summary>The path of flow <paramref name="i"/>'s file.</summary>
    public static string FlowPath(int i) => $"Flows/Flow{i:D4}.cs";

    /// <summary>Flow class <paramref name="i"/>: five file fields in mixed shapes, one with docs and guidance, and a method whose body holds <paramref name="bodyVersion"/>.</summary>
    public static string FlowClass(int i, int bodyVersion = 0) => $$"""
            using System.Collections.Generic;
            using TableFlow;

            namespace Shop.Flows.Group{{i % 10}}
            {
                [TableFlow("flow{{i:D4}}AbCdEfGh")]
                public partial class Flow{{i:D4}}
                {
                    /// <summary>The purchase order of flow {{i}}, as a PDF.</summary>
                    [FlowField(Guidance = "Extract only the base PO number.")]
                    public FlowFile PurchaseOrder { get; }

                    public FlowFile Invoice { get; }

                    public FlowFile? DeliveryNote { get; }

                    [FlowField("attachments")]
                    public IReadOnlyList<FlowFile>? Attachments { get; }

                    public FlowFile[] Scans { get; }

                    public string? Notes { get; set; }

                    public int Check(int value)
                    {
                        return value + {{bodyVersion}};
                    }
                }
            }
            """;

    /// <summary>The path of Refit interface <paramref name="i"/>'s file.</summary>
    public static string RefitPath(int i) => $"Apis/IFlow{i:D4}Api.cs";

    /// <summary>
    /// Flow <paramref name="i"/> as a Refit interface: the same five fields as multipart parameters, the same doc, and
    /// beside it a helper class whose method body holds <paramref name="bodyVersion"/>.
    /// </summary>
    public static string RefitInterface(int i, int bodyVersion = 0) => $$"""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Refit;
        using TableFlow;

        namespace Shop.Apis.Group{{i % 10}}
        {
            public interface IFlow{{i:D4}}Api
            {
                /// <summary>Runs flow {{i}}.</summary>
                /// <param name="purchaseOrder">The purchase order of flow {{i}}, as a PDF.</param>
                [Multipart]
                [Post("/v2/flows/flow{{i:D4}}AbCdEfGh/run")]
                Task<FlowRun> RunAsync(
                    [AliasAs("purchase_order")] StreamPart purchaseOrder,
                    [AliasAs("invoice")] StreamPart invoice,
                    [AliasAs("delivery_note")] StreamPart? deliveryNote,
                    [AliasAs("attachments")] IEnumerable<StreamPart>? attachments,
                    [AliasAs("scans")] IEnumerable<StreamPart> scans,
                    [AliasAs("purchase_order_guidance")] string? purchaseOrderGuidance = "Extract only the base PO number.",
                    CancellationToken cancellationToken = default);
            }

            public static class Flow{{i:D4}}Checks
            {
                public static int Check(int value)
                {
                    return value + {{bodyVersion}};
                }
            }
        }
        """;

    /// <summary>Every flow class, keyed by path.</summary>
    public static IEnumerable<KeyValuePair<string, string>> FlowClasses()
    {
        for (var i = 0; i < Count; i++) yield return new(FlowPath(i), FlowClass(i));
    }

    /// <summary>Every Refit interface, keyed by path.</summary>
    public static IEnumerable<KeyValuePair<string, string>> RefitInterfaces()
    {
        for (var i = 0; i < Count; i++) yield return new(RefitPath(i), RefitInterface(i));
    }
}
