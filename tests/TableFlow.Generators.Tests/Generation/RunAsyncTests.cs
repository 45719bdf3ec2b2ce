using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Tests.Infrastructure;
using TableFlow.Testing;

namespace TableFlow.Generators.Tests.Generation;

/// <summary>The generated <c>RunAsync</c> as a user meets it: its signature, the compiler's checks, and what it sends.</summary>
public class RunAsyncTests
{
    private const string FlowId = "dk4g1tUg1uHLs8YU";
    private const string DefaultGuidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.";

    private const string Declaration = """
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class PoReconciliation
            {
                [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
                public FlowFile PurchaseOrder { get; }
                public FlowFile? DeliveryNote { get; }
                public FlowFile Invoice { get; }
                [FlowField("attachments")]
                public IReadOnlyList<FlowFile>? Attachments { get; }
            }
        }
        """;

    private static readonly Lazy<Type> Flow = new(() => GeneratedAssembly.Compile(Declaration).Type("Sample.PoReconciliation"));

    private static FlowFile Pdf(string name, string text) => FlowFile.FromBytes(Encoding.ASCII.GetBytes("%PDF-1.4 " + text), name);

    private static async Task<TableFlowEmulator> StartEmulatorAsync()
    {
        var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow(FlowId, f => f
            .File("purchase_order", required: true)
            .File("invoice", required: true)
            .File("delivery_note")
            .File("attachments", multiple: true));
        return emulator;
    }

    [Fact]
    public void Parameters_are_required_files_then_optional_files_then_metadata_and_guidance_pairs_then_run_fields()
    {
        var parameters = GeneratedAssembly.RunAsync(Flow.Value).GetParameters();
        Assert.Equal(
            new[]
            {
                "purchaseOrder", "invoice", "deliveryNote", "attachments",
                "purchaseOrderMetadata", "purchaseOrderGuidance", "deliveryNoteMetadata", "deliveryNoteGuidance",
                "invoiceMetadata", "invoiceGuidance", "attachmentsMetadata", "attachmentsGuidance",
                "name", "metadata", "cancellationToken",
            },
            parameters.Select(p => p.Name));
        Assert.Equal(
            new[]
            {
                typeof(FlowFile), typeof(FlowFile), typeof(FlowFile), typeof(IEnumerable<FlowFile>),
                typeof(JsonObject), typeof(string), typeof(JsonObject), typeof(string),
                typeof(JsonObject), typeof(string), typeof(JsonObject), typeof(string),
                typeof(string), typeof(JsonObject), typeof(CancellationToken),
            },
            parameters.Select(p => p.ParameterType));
        Assert.Equal(new[] { false, false }, parameters.Take(2).Select(p => p.IsOptional));
        Assert.All(parameters.Skip(2), p => Assert.True(p.IsOptional, $"{p.Name} should be optional"));
        Assert.Equal(typeof(Task<FlowRun>), GeneratedAssembly.RunAsync(Flow.Value).ReturnType);
        Assert.Equal(FlowId, Flow.Value.GetField("FlowId")!.GetRawConstantValue());
    }

    [Fact]
    public void Fields_describe_every_file_field()
    {
        var fields = (IReadOnlyList<FlowFieldInfo>)Flow.Value.GetProperty("Fields")!.GetValue(null)!;
        Assert.Equal(
            new[] { "purchase_order/PurchaseOrder/True/False", "delivery_note/DeliveryNote/False/False", "invoice/Invoice/True/False", "attachments/Attachments/False/True" },
            fields.Select(f => $"{f.Key}/{f.PropertyName}/{f.Required}/{f.Multiple}"));
        Assert.Equal(DefaultGuidance, fields[0].DefaultGuidance);
        Assert.Throws<NotSupportedException>(() => ((IList<FlowFieldInfo>)fields).Add(fields[0]));
    }

    [Fact]
    public void A_call_that_omits_a_required_file_does_not_compile()
    {
        var compilation = TestCompilations.Create(Declaration, """
            using TableFlow;
            namespace Sample
            {
                public static class Caller
                {
                    public static System.Threading.Tasks.Task<FlowRun> Run(PoReconciliation flow, FlowFile po) => flow.RunAsync(po);
                }
            }
            """);
        var errors = GeneratorRunner.Run(compilation).Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("CS7036", error.Id);
        Assert.Contains("'invoice'", error.GetMessage());
    }

    [Fact]
    public async Task The_typed_call_sends_exactly_the_declared_parts_with_default_guidance()
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();

        var run = await GeneratedAssembly.CallRunAsync(Flow.Value, client, new Dictionary<string, object?>
        {
            ["purchaseOrder"] = Pdf("po.pdf", "PO-123"),
            ["invoice"] = Pdf("invoice.pdf", "INV-9"),
            ["attachments"] = new[] { Pdf("a.pdf", "one"), Pdf("b.pdf", "two") },
            ["purchaseOrderMetadata"] = new JsonObject { ["po_number"] = "PO-123" },
            ["invoiceGuidance"] = "Totals only.",
            ["name"] = "PO-123 Reconciliation",
            ["metadata"] = new JsonObject { ["customer_id"] = "12345" },
        });

        Assert.Equal(FlowId, run.FlowId);
        var recorded = Assert.Single(emulator.Runs);
        Assert.Equal(run.Id, recorded.Id);
        Assert.Equal("PO-123 Reconciliation", recorded.Name);
        Assert.Equal("12345", (string?)recorded.Metadata!["customer_id"]);
        Assert.Equal(new[] { "purchase_order", "invoice", "attachments_1", "attachments_2" }, recorded.Files.Select(f => f.PartName));
        Assert.Equal(new[] { "po.pdf", "invoice.pdf", "a.pdf", "b.pdf" }, recorded.Files.Select(f => f.FileName));
        var po = recorded.Field("purchase_order")!;
        Assert.Equal(DefaultGuidance, po.Guidance);
        Assert.Equal("PO-123", (string?)po.Metadata!["po_number"]);
        Assert.Equal("Totals only.", recorded.Field("invoice")!.Guidance);
        Assert.Null(recorded.Field("delivery_note"));
    }

    [Fact]
    public async Task Guidance_given_in_the_call_overrides_the_declared_default()
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();

        await GeneratedAssembly.CallRunAsync(Flow.Value, client, new Dictionary<string, object?>
        {
            ["purchaseOrder"] = Pdf("po.pdf", "PO-123"),
            ["invoice"] = Pdf("invoice.pdf", "INV-9"),
            ["purchaseOrderGuidance"] = "Keep the revision.",
        });

        Assert.Equal("Keep the revision.", Assert.Single(emulator.Runs).Field("purchase_order")!.Guidance);
    }

    [Fact]
    public async Task A_null_required_file_throws_naming_the_parameter_before_anything_is_sent()
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => GeneratedAssembly.CallRunAsync(Flow.Value, client, new Dictionary<string, object?>
        {
            ["purchaseOrder"] = Pdf("po.pdf", "PO-123"),
            ["invoice"] = null,
        }));

        Assert.Equal("invoice", error.ParamName);
        Assert.Contains("'invoice'", error.Message);
        Assert.Empty(emulator.Requests);
    }

    [Theory]
    [InlineData("attachmentsMetadata")]
    [InlineData("deliveryNoteGuidance")]
    public async Task Metadata_or_guidance_for_an_absent_optional_file_throws_before_anything_is_sent(string parameter)
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => GeneratedAssembly.CallRunAsync(Flow.Value, client, new Dictionary<string, object?>
        {
            ["purchaseOrder"] = Pdf("po.pdf", "PO-123"),
            ["invoice"] = Pdf("invoice.pdf", "INV-9"),
            [parameter] = parameter.EndsWith("Metadata", StringComparison.Ordinal) ? new JsonObject { ["x"] = 1 } : "hint",
        }));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public void The_constructor_rejects_a_null_client()
    {
        var error = Assert.Throws<ArgumentNullException>(() =>
            Flow.Value.GetConstructor(new[] { typeof(TableFlowClient) })!.Invoke(System.Reflection.BindingFlags.DoNotWrapExceptions, null, new object?[] { null }, null));
        Assert.Equal("client", error.ParamName);
    }
}
