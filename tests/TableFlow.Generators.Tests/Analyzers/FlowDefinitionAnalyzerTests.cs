using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Tests.Analyzers;

public class FlowDefinitionAnalyzerTests
{
    private static Task Verify(string source, string? json, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<FlowDefinitionAnalyzer>(source);
        if (json is not null) test.TestState.AdditionalFiles.Add(("/0/tableflow.json", json));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult TF0010(int markup, string message)
        => new DiagnosticResult("TF0010", DiagnosticSeverity.Warning).WithLocation(markup).WithMessage(message);

    [Fact]
    public Task The_readme_declaration_matches_the_design_example() => Verify(FlowSources.Readme, FlowDefinitionFileTests.Example);

    [Fact]
    public Task Without_a_definition_file_nothing_is_checked() => Verify("""
        using TableFlow;
        [TableFlow("unknown")]
        public partial class Po { public FlowFile Whatever { get; } }
        """, null);

    [Fact]
    public Task Other_additional_files_are_not_definitions()
    {
        var test = new AnalyzerTest<FlowDefinitionAnalyzer>("""
            using TableFlow;
            [TableFlow("unknown")]
            public partial class Po { public FlowFile Whatever { get; } }
            """);
        test.TestState.AdditionalFiles.Add(("/0/flows.json", "[]"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_required_field_with_no_property_warns_on_the_class() => Verify("""
        using TableFlow;
        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class {|#0:Po|}
        {
            public FlowFile PurchaseOrder { get; }
        }
        """, FlowDefinitionFileTests.Example,
        TF0010(0, "Flow 'dk4g1tUg1uHLs8YU' requires the file field 'invoice' (tableflow.json), but [TableFlow] class 'Po' has no property for it, so no call can send it. Add 'public FlowFile Invoice { get; }' (or name the key with [FlowField(\"invoice\")])."));

    [Fact]
    public Task A_property_the_flow_does_not_have_warns_on_its_key() => Verify("""
        using TableFlow;
        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }
            public FlowFile Invoice { get; }
            public FlowFile? {|#0:Receipt|} { get; }
            [FlowField({|#1:"attachment"|})] public FlowFile? Extra { get; }
        }
        """, FlowDefinitionFileTests.Example,
        TF0010(0, "Property 'Receipt' of [TableFlow] class 'Po' sends the form key 'receipt', but flow 'dk4g1tUg1uHLs8YU' in tableflow.json has no such file field; its fields are 'purchase_order', 'invoice', 'delivery_note', 'attachments'. Name the right key with [FlowField(\"key\")], or remove the property."),
        TF0010(1, "Property 'Extra' of [TableFlow] class 'Po' sends the form key 'attachment', but flow 'dk4g1tUg1uHLs8YU' in tableflow.json has no such file field; its fields are 'purchase_order', 'invoice', 'delivery_note', 'attachments'. Did you mean 'attachments'? Name the right key with [FlowField(\"key\")], or remove the property."));

    [Fact]
    public Task A_required_field_declared_optional_and_a_multiple_field_declared_single_warn_on_the_property() => Verify("""
        using TableFlow;
        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }
            public FlowFile? {|#0:Invoice|} { get; }
            public FlowFile? {|#1:Attachments|} { get; }
        }
        """, FlowDefinitionFileTests.Example,
        TF0010(0, "Flow 'dk4g1tUg1uHLs8YU' requires the file field 'invoice' (tableflow.json), but property 'Invoice' of [TableFlow] class 'Po' declares it optional, so a call without it fails at run time. Make the property non-nullable."),
        TF0010(1, "File field 'attachments' of flow 'dk4g1tUg1uHLs8YU' takes several files (\"multiple\": true in tableflow.json), but property 'Attachments' of [TableFlow] class 'Po' takes one. Declare it as IReadOnlyList<FlowFile>."));

    [Fact]
    public Task A_single_file_field_declared_as_a_list_warns() => Verify("""
        using System.Collections.Generic;
        using TableFlow;
        [TableFlow("one")]
        public partial class Po
        {
            public IReadOnlyList<FlowFile> {|#0:Scan|} { get; }
        }
        """, """[{"id": "one", "file_input_config": {"file_fields": [{"key": "scan", "required": true, "multiple": false}]}}]""",
        TF0010(0, "File field 'scan' of flow 'one' takes one file (\"multiple\": false in tableflow.json), but property 'Scan' of [TableFlow] class 'Po' takes several. Declare it as FlowFile."));

    [Fact]
    public Task Without_multiple_in_the_file_a_list_warns_as_the_emulator_expects_one_file() => Verify("""
        using System.Collections.Generic;
        using TableFlow;
        [TableFlow("one")]
        public partial class Po
        {
            public IReadOnlyList<FlowFile> {|#0:Scan|} { get; }
            public FlowFile Cover { get; }
        }
        """, """[{"id": "one", "file_input_config": {"file_fields": [{"key": "scan", "required": true}, {"key": "cover", "required": true}]}}]""",
        TF0010(0, "File field 'scan' of flow 'one' takes one file (tableflow.json does not mark it \"multiple\": true), but property 'Scan' of [TableFlow] class 'Po' takes several. Declare it as FlowFile, or add \"multiple\": true to the field if the flow takes several files."));

    [Fact]
    public Task A_flow_id_missing_from_the_file_warns_on_the_id() => Verify("""
        using TableFlow;
        [TableFlow({|#0:"typo1234"|})]
        public partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """, FlowDefinitionFileTests.Example,
        TF0010(0, "Flow 'typo1234' of [TableFlow] class 'Po' is not in tableflow.json, which lists 'dk4g1tUg1uHLs8YU', 'noFiles'. Check the flow id, or save the current answer of GET /v2/flows (active flows only) to tableflow.json."));

    [Fact]
    public Task An_inactive_flow_warns_on_the_id() => Verify("""
        using TableFlow;
        [TableFlow({|#0:"old"|})]
        public partial class Po
        {
            public FlowFile Scan { get; }
        }
        """, """[{"id": "old", "active": false, "file_input_config": {"file_fields": [{"key": "scan", "required": true}]}}]""",
        TF0010(0, "Flow 'old' of [TableFlow] class 'Po' is inactive in tableflow.json (\"active\": false): the service does not list it and refuses its runs. Activate the flow in the TableFlow dashboard and save GET /v2/flows again, or use an active flow's id."));

    [Fact]
    public Task Malformed_json_is_one_clear_warning_on_the_class_and_no_crash() => Verify("""
        using TableFlow;
        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class {|#0:Po|}
        {
            public FlowFile Invoice { get; }
        }
        """, "[{\"id\": \"dk4g1tUg1uHLs8YU\",, }]",
        TF0010(0, "tableflow.json could not be read, so [TableFlow] class 'Po' is not checked against it: it is not valid JSON: expected a property name in double quotes (line 1, column 28). Save the answer of GET /v2/flows there unchanged, or fix the JSON."));

    [Fact]
    public Task An_invalid_flow_id_is_left_to_TF0002() => Verify("""
        using TableFlow;
        [TableFlow("a/b")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """, FlowDefinitionFileTests.Example);

    [Fact]
    public Task Pragma_disables_TF0010() => Verify("""
        using TableFlow;
        #pragma warning disable TF0010
        [TableFlow("typo1234")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """, FlowDefinitionFileTests.Example);
}
