using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Rules;
using TableFlow.Generators.Tests.Analyzers;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>The analyzers with tableflow.json: TF0003 for schema-first classes, TF0010's "did you mean", the object form.</summary>
public class DefinitionAnalyzerTests
{
    private const string Json = """
        [{"id": "po", "file_input_config": {"file_fields": [
          {"key": "purchase_order", "required": true},
          {"key": "invoice", "required": true},
          {"key": "delivery-note", "required": false}
        ]}}]
        """;

    private static Task Verify<TAnalyzer>(string source, string json, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new Analyzers.AnalyzerTest<TAnalyzer>(source);
        test.TestState.AdditionalFiles.Add(("/0/tableflow.json", json));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult TF0010(int markup, string message)
        => new DiagnosticResult("TF0010", DiagnosticSeverity.Warning).WithLocation(markup).WithMessage(message);

    private static string Unknown(string property, string key, string? suggestion)
        => $"Property '{property}' of [TableFlow] class 'Po' sends the form key '{key}', but flow 'po' in tableflow.json has no such file field; its fields are 'purchase_order', 'invoice', 'delivery-note'. "
           + (suggestion is null ? "" : $"Did you mean '{suggestion}'? ")
           + "Name the right key with [FlowField(\"key\")], or remove the property.";

    [Fact]
    public Task A_schema_first_class_whose_flow_is_in_the_file_gets_no_TF0003_and_no_TF0010() => Task.WhenAll(
        Verify<FlowDeclarationAnalyzer>("""
            using TableFlow;
            [TableFlow("po")]
            public partial class Po;
            """, Json),
        Verify<FlowDefinitionAnalyzer>("""
            using TableFlow;
            [TableFlow("po")]
            public partial class Po { public string Label { get; } = ""; }
            """, Json));

    [Fact]
    public Task A_schema_first_class_whose_flow_is_not_in_the_file_gets_TF0003_as_before() => Verify<FlowDeclarationAnalyzer>("""
        using TableFlow;
        [TableFlow("other")]
        public partial class {|#0:Po|};
        """, Json,
        new DiagnosticResult("TF0003", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("[TableFlow] class 'Po' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice { get; }'."));

    [Fact]
    public Task A_flow_with_keys_no_declaration_could_have_keeps_TF0003() => Verify<FlowDeclarationAnalyzer>("""
        using TableFlow;
        [TableFlow("po")]
        public partial class {|#0:Po|};
        """, """[{"id": "po", "file_input_config": {"file_fields": [{"key": "metadata", "required": true}]}}]""",
        new DiagnosticResult("TF0003", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("[TableFlow] class 'Po' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice { get; }'."));

    [Fact]
    public Task The_unknown_key_message_names_the_closest_key_not_yet_declared() => Verify<FlowDefinitionAnalyzer>("""
        using TableFlow;
        [TableFlow("po")]
        public partial class {|#4:Po|}
        {
            public FlowFile {|#0:PurchaseOrdr|} { get; }
            public FlowFile Invoice { get; }
            [FlowField({|#1:"invoce"|})] public FlowFile? Copy { get; }
            public FlowFile? {|#2:DeliveryNotes|} { get; }
            public FlowFile? {|#3:Receipt|} { get; }
        }
        """, Json,
        TF0010(0, Unknown("PurchaseOrdr", "purchase_ordr", "purchase_order")),
        // 'invoice' is declared already, so it is not suggested again; nothing else is close.
        TF0010(1, Unknown("Copy", "invoce", null)),
        TF0010(2, Unknown("DeliveryNotes", "delivery_notes", "delivery-note")),
        TF0010(3, Unknown("Receipt", "receipt", null)),
        TF0010(4, "Flow 'po' requires the file field 'purchase_order' (tableflow.json), but [TableFlow] class 'Po' has no property for it, so no call can send it. Add 'public FlowFile PurchaseOrder { get; }' (or name the key with [FlowField(\"purchase_order\")])."));

    [Fact]
    public Task The_object_form_is_read_and_its_templates_ignored() => Verify<FlowDefinitionAnalyzer>("""
        using TableFlow;
        [TableFlow("po")]
        public partial class {|#0:Po|}
        {
            public FlowFile PurchaseOrder { get; }
        }
        """, """{"templates": [{"id": "t1", "name": "Invoice Template", "fields": [{"key": "x"}]}], "flows": """ + Json + "}",
        TF0010(0, "Flow 'po' requires the file field 'invoice' (tableflow.json), but [TableFlow] class 'Po' has no property for it, so no call can send it. Add 'public FlowFile Invoice { get; }' (or name the key with [FlowField(\"invoice\")])."));

    [Fact]
    public Task An_object_of_templates_only_lists_no_flows_as_the_emulator_reads_it() => Verify<FlowDefinitionAnalyzer>("""
        using TableFlow;
        [TableFlow({|#0:"po"|})]
        public partial class Po { public FlowFile Invoice { get; } }
        """, """{"templates": []}""",
        TF0010(0, "Flow 'po' of [TableFlow] class 'Po' is not in tableflow.json, which lists none. Check the flow id, or save the current answer of GET /v2/flows (active flows only) to tableflow.json."));

    [Fact]
    public Task An_object_without_flows_or_templates_is_reported_as_unreadable() => Verify<FlowDefinitionAnalyzer>("""
        using TableFlow;
        [TableFlow("po")]
        public partial class {|#0:Po|} { public FlowFile Invoice { get; } }
        """, """{"id": "po"}""",
        TF0010(0, "tableflow.json could not be read, so [TableFlow] class 'Po' is not checked against it: it must be a JSON array of flows, as GET /v2/flows returns, or an object whose \"flows\" is one. Save the answer of GET /v2/flows there unchanged, or fix the JSON."));

    [Theory]
    [InlineData("purchase_ordr", "purchase_order")]
    [InlineData("PURCHASE_ORDER", "purchase_order")]
    [InlineData("invoiec", "invoice")]
    [InlineData("delivery_note", "delivery-note")]
    [InlineData("po", null)]
    [InlineData("invoice_file", null)]
    [InlineData("x", null)]
    public void Suggestions_are_close_or_none(string key, string? expected)
        => Assert.Equal(expected, KeySuggestion.Closest(key, new[] { "purchase_order", "invoice", "delivery-note" }));
}
