using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Tests.Analyzers;

public class FlowDeclarationAnalyzerTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
        => AnalyzerTest<FlowDeclarationAnalyzer>.VerifyAsync(source, expected);

    private static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity, int markup, string message)
        => new DiagnosticResult(id, severity).WithLocation(markup).WithMessage(message);

    [Fact]
    public Task The_readme_declaration_raises_nothing() => Verify(FlowSources.Readme);

    [Fact]
    public Task A_flow_class_in_a_namespace_nested_in_a_partial_struct_raises_nothing() => Verify("""
        using TableFlow;
        namespace Acme.Flows;
        public partial struct Outer
        {
            [TableFlow("abc-123_x.y~z")]
            internal sealed partial class Invoices
            {
                public FlowFile Invoice { get; }
                [FlowIgnore] public System.IO.Stream? Raw { get; }
                public string Title { get; } = "";
            }
        }
        """);

    [Fact]
    public Task TF0001_is_an_error_on_the_class_identifier() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public class {|#0:Po|}
        {
            public FlowFile Invoice { get; }
        }
        """,
        Diagnostic("TF0001", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' must be partial so the generator can add its RunAsync method and constructor. Add the 'partial' modifier."));

    [Fact]
    public Task TF0001_fires_when_only_a_containing_type_is_not_partial() => Verify("""
        using TableFlow;
        public class Outer
        {
            [TableFlow("abc")]
            public partial class {|#0:Po|}
            {
                public FlowFile Invoice { get; }
            }
        }
        """,
        Diagnostic("TF0001", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' and every type that contains it must be partial so the generator can add its members; 'Outer' is not. Add the 'partial' modifier."));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("\"dk4g/1tUg\"")]
    [InlineData("\"a b\"")]
    [InlineData("\"..\"")]
    public Task TF0002_is_an_error_on_the_flow_id_argument(string flowId) => Verify($$"""
        using TableFlow;
        [TableFlow({|TF0002:{{flowId}}|})]
        public partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """);

    [Fact]
    public Task TF0003_is_a_warning_on_the_class_identifier_when_no_property_is_a_file_field() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class {|#0:Po|}
        {
            public string Title { get; } = "";
            [FlowIgnore] public FlowFile? Ignored { get; }
        }
        """,
        Diagnostic("TF0003", DiagnosticSeverity.Warning, 0,
            "[TableFlow] class 'Po' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice { get; }'."));

    [Fact]
    public Task TF0004_is_an_error_on_the_second_key() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            [FlowField({|#0:"invoice"|})] public FlowFile? Copy { get; }
        }
        """,
        Diagnostic("TF0004", DiagnosticSeverity.Error, 0,
            "Properties 'Invoice' and 'Copy' of [TableFlow] class 'Po' both map to the form key 'invoice'. Give one of them its own key with [FlowField(\"key\")], or remove the duplicate."));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"in\\\"voice\"")]
    [InlineData("\"line\\nbreak\"")]
    [InlineData("\" padded\"")]
    public Task TF0005_is_an_error_on_the_key_argument(string key) => Verify($$"""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            [FlowField({|TF0005:{{key}}|})] public FlowFile Invoice { get; }
        }
        """);

    [Fact]
    public Task TF0006_is_an_error_on_a_property_whose_derived_key_is_reserved() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile {|TF0006:Metadata|} { get; }
            public FlowFile Invoice { get; }
            public FlowFile? {|TF0006:InvoiceGuidance|} { get; }
            [FlowField({|TF0006:"name"|})] public FlowFile? Title { get; }
        }
        """);

    [Fact]
    public Task TF0006_catches_the_numbered_parts_of_a_multi_file_field() => Verify("""
        using System.Collections.Generic;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public IReadOnlyList<FlowFile> Pages { get; }
            [FlowField({|TF0006:"pages_2"|})] public FlowFile? Cover { get; }
        }
        """);

    [Fact]
    public Task TF0007_is_a_warning_on_a_file_like_property() => Verify("""
        using System.IO;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public Stream {|#0:Scan|} { get; } = Stream.Null;
            public byte[]? {|TF0007:Receipt|} { get; }
            public FileInfo {|TF0007:Attachment|} { get; } = null!;
            public string? {|TF0007:DeliveryNotePdf|} { get; }
            public Stream? {|TF0007:Photo|} { get; }
            public FileInfo? {|TF0007:Contract|} { get; }
            public System.ReadOnlyMemory<byte>? {|TF0007:Signature|} { get; }
            public string? Title { get; }
        }
        """,
        Diagnostic("TF0007", DiagnosticSeverity.Warning, 0,
            "Property 'Scan' of [TableFlow] class 'Po' looks like a file but its type 'System.IO.Stream' is not a FlowFile type, so it is not sent. Change its type to FlowFile (or IReadOnlyList<FlowFile> for several files), or mark it [FlowIgnore]."));

    [Fact]
    public Task TF0008_is_an_error_on_a_generic_class() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class {|#0:Po|}<T>
        {
            public FlowFile Invoice { get; }
        }
        """,
        Diagnostic("TF0008", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' is generic; a flow class needs one fixed set of fields. Remove its type parameters."));

    [Fact]
    public Task TF0008_is_an_error_on_a_static_class() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public static partial class {|TF0008:Po|}
        {
        }
        """,
        new DiagnosticResult("TF0003", DiagnosticSeverity.Warning).WithSpan(3, 29, 3, 31));

    [Fact]
    public Task TF0009_is_an_error_on_each_member_that_takes_a_generated_name() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public const string {|TF0009:FlowId|} = "abc";
            public static int {|TF0009:Fields|} => 0;
            public {|TF0009:Po|}(TableFlowClient client) { }
            public FlowFile Invoice { get; }
            public Po(TableFlowClient client, int retries) : this(client) { }
        }
        """);

    [Fact]
    public Task Classes_without_the_attribute_are_not_checked() => Verify("""
        using System.IO;
        using TableFlow;
        public class Po
        {
            public Stream? Scan { get; }
            public FlowFile? Invoice { get; }
        }
        """);
}
