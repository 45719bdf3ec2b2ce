using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Rules;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Declarations;

public class FlowDeclarationTests
{
    private static FlowDeclaration Read(string source, string typeName = "Flow")
    {
        var compilation = TestCompilations.Create(source);
        var declaration = FlowDeclaration.Read(TestCompilations.GetType(compilation, typeName), CancellationToken.None);
        Assert.NotNull(declaration);
        return declaration!;
    }

    /// <summary>
    /// Asserts exactly one problem with <paramref name="id"/> in <paramref name="markup"/>, located on the span
    /// marked <c>[|…|]</c> (the markup of Microsoft.CodeAnalysis.Testing).
    /// </summary>
    private static FlowProblem AssertSingleProblemAt(string markup, string id, string typeName = "Flow")
    {
        var start = markup.IndexOf("[|", System.StringComparison.Ordinal);
        var end = markup.IndexOf("|]", System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the test source marks the expected span with [|…|]");
        var source = markup.Remove(end, 2).Remove(start, 2);
        var declaration = Read(source, typeName);
        var problem = Assert.Single(declaration.Problems, p => p.Id == id);
        Assert.Equal(source.Substring(start, end - start - 2), source.Substring(problem.Location.SourceSpan.Start, problem.Location.SourceSpan.Length));
        Assert.Equal(start, problem.Location.SourceSpan.Start);
        Assert.EndsWith(".", problem.Message);
        return problem;
    }

    [Fact]
    public void Seed_declaration_reads_fields_in_order_with_keys_shapes_required_guidance_and_docs()
    {
        var d = Read("""
            using System.Collections.Generic;
            using TableFlow;
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class Flow
            {
                /// <summary>The purchase order, as a <see cref="FlowFile"/>.</summary>
                [FlowField(Guidance = "Base number only.")]
                public FlowFile PurchaseOrder { get; }
                public FlowFile Invoice { get; }
                public FlowFile? DeliveryNote { get; }
                [FlowField("attachments")]
                public IReadOnlyList<FlowFile>? Attachments { get; }
                public string Title { get; set; } = "";
                [FlowIgnore] public FlowFile Ignored { get; }
            }
            """);

        Assert.Equal("dk4g1tUg1uHLs8YU", d.FlowId);
        Assert.False(d.HasErrors);
        Assert.Empty(d.Problems);
        Assert.Equal(new[] { "purchase_order", "invoice", "delivery_note", "attachments" }, d.Fields.Select(f => f.Key));
        Assert.Equal(new[] { true, true, false, false }, d.Fields.Select(f => f.Required));
        Assert.Equal(new[] { FieldShape.Single, FieldShape.Single, FieldShape.Single, FieldShape.Multi }, d.Fields.Select(f => f.Shape));
        Assert.Equal(new[] { false, false, false, true }, d.Fields.Select(f => f.KeyIsExplicit));
        Assert.Equal("Base number only.", d.Fields[0].DefaultGuidance);
        Assert.Equal("The purchase order, as a FlowFile.", d.Fields[0].DocSummary);
        Assert.Null(d.Fields[1].DocSummary);
    }

    [Fact]
    public void Class_without_the_attribute_reads_as_null()
    {
        var compilation = TestCompilations.Create("public partial class Flow { }");
        Assert.Null(FlowDeclaration.Read(TestCompilations.GetType(compilation, "Flow"), CancellationToken.None));
    }

    [Fact]
    public void TF0001_non_partial_class_is_reported_on_its_identifier()
    {
        var p = AssertSingleProblemAt("""
            using TableFlow;
            [TableFlow("abc")]
            public class [|Flow|] { public FlowFile Invoice { get; } = null!; }
            """, "TF0001");
        Assert.Contains("partial", p.Message);
    }

    [Fact]
    public void TF0001_non_partial_containing_type_is_named_and_reported_on_the_flow_class()
    {
        var p = AssertSingleProblemAt("""
            using TableFlow;
            public class Outer
            {
                [TableFlow("abc")]
                public partial class [|Flow|] { public FlowFile Invoice { get; } }
            }
            """, "TF0001", typeName: "Outer+Flow");
        Assert.Contains("'Outer'", p.Message);
    }

    [Theory]
    [InlineData("\"\"", "empty")]
    [InlineData("\"  \"", "empty")]
    [InlineData("\"a/b\"", "'/'")]
    [InlineData("\"..\"", "relative")]
    public void TF0002_invalid_flow_id_is_reported_on_the_argument(string argument, string reason)
    {
        var p = AssertSingleProblemAt($$"""
            using TableFlow;
            [TableFlow([|{{argument}}|])]
            public partial class Flow { public FlowFile Invoice { get; } }
            """, "TF0002");
        Assert.Contains(reason, p.Message);
    }

    [Fact]
    public void TF0003_class_without_file_fields_is_a_warning_on_its_identifier()
    {
        AssertSingleProblemAt("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class [|Flow|] { public string Title { get; set; } = ""; }
            """, "TF0003");
        Assert.False(Read("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { }
            """).HasErrors);
    }

    [Fact]
    public void TF0004_duplicate_key_is_reported_on_the_second_key()
    {
        var p = AssertSingleProblemAt("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow
            {
                public FlowFile Invoice { get; }
                [FlowField([|"invoice"|])] public FlowFile Bill { get; }
            }
            """, "TF0004");
        Assert.Contains("'Invoice'", p.Message);
        Assert.Contains("'Bill'", p.Message);
    }

    [Fact]
    public void TF0004_duplicate_derived_key_is_reported_on_the_property_identifier()
    {
        AssertSingleProblemAt("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow
            {
                [FlowField("purchase_order")] public FlowFile Po { get; }
                public FlowFile [|PurchaseOrder|] { get; }
            }
            """, "TF0004");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("\"line\\nbreak\"")]
    [InlineData("\" padded\"")]
    public void TF0005_invalid_key_is_reported_on_the_argument(string argument)
    {
        AssertSingleProblemAt($$"""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { [FlowField([|{{argument}}|])] public FlowFile Invoice { get; } }
            """, "TF0005");
    }

    [Theory]
    [InlineData("public FlowFile Name { get; }", "Name", "run's own")]
    [InlineData("public FlowFile Metadata { get; }", "Metadata", "run's own")]
    [InlineData("public FlowFile Invoice { get; } public FlowFile InvoiceMetadata { get; }", "InvoiceMetadata", "metadata field of 'invoice'")]
    [InlineData("public FlowFile Invoice { get; } [FlowField(\"invoice_guidance\")] public FlowFile Hints { get; }", "\"invoice_guidance\"", "guidance field")]
    [InlineData("public System.Collections.Generic.IReadOnlyList<FlowFile> Pages { get; } [FlowField(\"pages_2\")] public FlowFile Second { get; }", "\"pages_2\"", "numbered file parts")]
    public void TF0006_key_colliding_with_a_reserved_or_derived_name_is_reported_on_its_key(string members, string token, string reason)
    {
        var p = AssertSingleProblemAt($$"""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { {{members.Replace(token, "[|" + token + "|]")}} }
            """, "TF0006");
        Assert.Contains(reason, p.Message);
    }

    [Theory]
    [InlineData("System.IO.Stream", "Scan")]
    [InlineData("byte[]", "Scan")]
    [InlineData("System.IO.FileInfo", "Scan")]
    [InlineData("string", "InvoicePdf")]
    public void TF0007_file_like_property_is_a_warning_on_its_identifier(string type, string name)
    {
        var source = $$"""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { public FlowFile Invoice { get; } public {{type}} {{name}} { get; set; } = default!; }
            """;
        AssertSingleProblemAt(source.Replace(" " + name + " ", " [|" + name + "|] "), "TF0007");
        Assert.False(Read(source).HasErrors);
        Assert.Empty(Read(source.Replace("public " + type, "[FlowIgnore] public " + type)).Problems);
    }

    [Fact]
    public void TF0007_FlowField_on_a_property_that_is_not_a_file_type_is_a_warning()
    {
        var p = AssertSingleProblemAt("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { public FlowFile Invoice { get; } [FlowField("notes")] public string [|Notes|] { get; set; } = ""; }
            """, "TF0007");
        Assert.Contains("[FlowField]", p.Message);
    }

    [Theory]
    [InlineData("public static partial class Flow", "static")]
    [InlineData("public partial class Flow<T>", "generic")]
    public void TF0008_class_that_cannot_take_the_members_is_reported_on_its_identifier(string header, string reason)
    {
        var p = AssertSingleProblemAt($$"""
            using TableFlow;
            [TableFlow("abc")]
            {{header.Replace("Flow", "[|Flow|]")}} { public static FlowFile Invoice { get; } = null!; }
            """, "TF0008", typeName: header.Contains("<T>") ? "Flow`1" : "Flow");
        Assert.Contains(reason, p.Message);
    }

    [Fact]
    public void TF0008_class_nested_in_a_generic_type_is_reported()
    {
        AssertSingleProblemAt("""
            using TableFlow;
            public partial class Outer<T>
            {
                [TableFlow("abc")]
                public partial class [|Flow|] { public FlowFile Invoice { get; } }
            }
            """, "TF0008", typeName: "Outer`1+Flow");
    }

    [Fact]
    public void TF0008_base_class_without_a_parameterless_constructor_is_reported()
    {
        var p = AssertSingleProblemAt("""
            using TableFlow;
            public abstract class Base { protected Base(int retries) { } }
            [TableFlow("abc")]
            public partial class [|Flow|] : Base { public FlowFile Invoice { get; } }
            """, "TF0008");
        Assert.Contains("'Base'", p.Message);
        Assert.DoesNotContain(Read("""
            using TableFlow;
            public abstract class Base { protected Base(int retries = 3) { } }
            [TableFlow("abc")]
            public partial class Flow : Base { public FlowFile Invoice { get; } }
            """).Problems, q => q.Id == "TF0008");
    }

    [Fact]
    public void The_generated_members_are_not_mistaken_for_user_members()
    {
        // Analyzers see the compilation with the generated part: FlowId, Fields, the constructor and RunAsync are ours.
        var run = GeneratorRunner.Run(TestCompilations.Create(FlowCases.Seed.Source));
        Assert.Single(run.Sources);
        var declaration = FlowDeclaration.Read(TestCompilations.GetType(run.Output, "Sample.PoReconciliation"), CancellationToken.None)!;
        Assert.Empty(declaration.Problems);
        Assert.Equal(new[] { "PurchaseOrder", "Invoice" }, declaration.Fields.Select(f => f.PropertyName));
    }

    [Theory]
    [InlineData("public const string FlowId = \"x\";", "FlowId")]
    [InlineData("public static int Fields => 0;", "Fields")]
    [InlineData("public int RunAsync { get; set; }", "RunAsync")]
    [InlineData("public System.Threading.Tasks.Task<FlowRun> RunAsync(FlowFile a, System.Text.Json.Nodes.JsonObject? m = null, string? g = null, string? n = null, System.Text.Json.Nodes.JsonObject? md = null, System.Threading.CancellationToken ct = default) => null!;", "RunAsync")]
    [InlineData("public Flow(TableFlowClient c) { }", "Flow")]
    public void TF0009_user_member_with_a_generated_name_is_reported_on_its_identifier(string member, string token)
    {
        AssertSingleProblemAt($$"""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow { public FlowFile Invoice { get; } {{ReplaceFirst(member, token)}} }
            """, "TF0009");
    }

    private static string ReplaceFirst(string text, string token)
    {
        var i = text.IndexOf(token, System.StringComparison.Ordinal);
        return text.Substring(0, i) + "[|" + token + "|]" + text.Substring(i + token.Length);
    }

    [Fact]
    public void TF0009_RunAsync_overload_with_other_parameters_is_allowed()
    {
        var d = Read("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow
            {
                public FlowFile Invoice { get; }
                public System.Threading.Tasks.Task<FlowRun> RunAsync(string path) => null!;
                public System.Threading.Tasks.Task<FlowRun> RunAsync<T>(FlowFile a, System.Text.Json.Nodes.JsonObject? m = null, string? g = null, string? n = null, System.Text.Json.Nodes.JsonObject? md = null, System.Threading.CancellationToken ct = default) => null!;
                public Flow(TableFlowClient client, int retries) : this(client) { }
            }
            """);
        Assert.DoesNotContain(d.Problems, p => p.Id == "TF0009");
    }

    [Fact]
    public void Required_named_argument_overrides_nullability_and_only_when_present()
    {
        var d = Read("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Flow
            {
            #nullable disable
                [FlowField(Required = false)] public FlowFile A { get; }
                public FlowFile B { get; }
            #nullable enable
                [FlowField(Required = true)] public FlowFile? C { get; }
                [FlowField(Guidance = "g")] public FlowFile? D { get; }
            }
            """);
        Assert.Equal(new[] { false, true, true, false }, d.Fields.Select(f => f.Required));
    }

    [Fact]
    public void Half_typed_arguments_and_types_yield_no_problems_for_that_part()
    {
        var compilation = TestCompilations.Create("""
            using TableFlow;
            [TableFlow(Undefined.Id)]
            public partial class Flow
            {
                [FlowField(Missing.Key)] public FlowFile Invoice { get; }
                public Unknown Scan { get; }
            }
            """);
        var d = FlowDeclaration.Read(TestCompilations.GetType(compilation, "Flow"), CancellationToken.None)!;
        Assert.Null(d.FlowId);
        Assert.Empty(d.Problems);
        Assert.Single(d.Fields);
    }
}
