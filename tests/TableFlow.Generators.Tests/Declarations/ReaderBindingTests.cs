using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Declarations;

/// <summary>
/// One reader serves the generator (binding each property's type syntax through the semantic model it is handed) and
/// the analyzers (binding through the class's symbols). What the user sees must not depend on which binder read the
/// declaration: the generated <c>RunAsync</c> and the analyzers' fields agree, and a declaration with an error
/// generates nothing.
/// </summary>
public class ReaderBindingTests
{
    private const string Shapes = """
        using System.Collections.Generic;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile A { get; }
            public FlowFile? B { get; }
            public IReadOnlyList<FlowFile>? C { get; }
            public IEnumerable<FlowFile?> D { get; }
            public FlowFile[]? E { get; }
            public FlowFile?[] F { get; }
            public global::TableFlow.FlowFile G { get; }
            [FlowField(Required = true)] public FlowFile? H { get; }
        }
        """;

    [Theory]
    [InlineData("#nullable disable", LanguageVersion.Latest)]
    [InlineData("#nullable enable annotations", LanguageVersion.Latest)]
    [InlineData("#nullable enable warnings", LanguageVersion.Latest)]
    [InlineData("", LanguageVersion.Latest)]
    [InlineData("#nullable disable", LanguageVersion.CSharp8)]
    [InlineData("", LanguageVersion.CSharp8)]
    public void Nullability_is_read_from_the_question_mark_alike_in_every_nullable_context(string directive, LanguageVersion version)
    {
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version), directive + "\n" + Shapes);
        var run = GeneratorRunner.Run(compilation);
        var model = Assert.Single(StepTracking.Models(run.Result.Results.Single())).Model;
        var analyzed = FlowDeclaration.Read(TestCompilations.GetType(compilation, "Po"), CancellationToken.None)!;

        var expected = new[] { true, false, false, true, false, true, true, true };
        Assert.Equal(expected, model.Fields.Select(f => f.Required));
        Assert.Equal(expected, analyzed.Fields.Select(f => f.Required));
        Assert.Equal(new[] { false, false, true, true, true, true, false, false }, model.Fields.Select(f => f.Multiple));
        Assert.Equal(model.Fields.Select(f => f.Multiple), analyzed.Fields.Select(f => f.Multiple));
    }

    [Fact]
    public void Fields_of_every_part_of_a_partial_class_are_read_in_declaration_order_by_both_binders()
    {
        var compilation = TestCompilations.Create(
            """
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                /// <summary>First, with a <see cref="FlowFile"/> reference.</summary>
                public FlowFile First { get; }
            }
            """,
            """
            using TableFlow;
            public partial class Po
            {
                [FlowField("second_key", Guidance = "g")] public FlowFile? Second { get; }
                [FlowIgnore] public FlowFile? Ignored { get; }
            }
            """);
        var run = GeneratorRunner.Run(compilation);
        var model = Assert.Single(StepTracking.Models(run.Result.Results.Single())).Model;
        var analyzed = FlowDeclaration.Read(TestCompilations.GetType(compilation, "Po"), CancellationToken.None)!;

        Assert.Equal(new[] { "first", "second_key" }, model.Fields.Select(f => f.FormKey));
        Assert.Equal(model.Fields.Select(f => f.FormKey), analyzed.Fields.Select(f => f.Key));
        Assert.Equal(new[] { "First, with a FlowFile reference.", null }, model.Fields.Select(f => f.DocSummary));
        Assert.Equal(model.Fields.Select(f => f.DocSummary), analyzed.Fields.Select(f => f.DocSummary));
        Assert.Equal(new[] { null, "g" }, model.Fields.Select(f => f.DefaultGuidance));
    }

    /// <summary>One declaration per error TF0001–TF0009; the generator must emit nothing for any of them.</summary>
    public static IEnumerable<object[]> Errors()
    {
        const string head = "using System.Collections.Generic;\nusing TableFlow;\n";
        var variants = new (string Label, string Source)[]
        {
            ("TF0001", "[TableFlow(\"abc\")] public class Po { public FlowFile Invoice { get; } }"),
            ("TF0001-outer", "public class Outer { [TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } } }"),
            ("TF0002-empty", "[TableFlow(\"\")] public partial class Po { public FlowFile Invoice { get; } }"),
            ("TF0002-slash", "[TableFlow(\"a/b\")] public partial class Po { public FlowFile Invoice { get; } }"),
            ("TF0002-null", "[TableFlow(null)] public partial class Po { public FlowFile Invoice { get; } }"),
            ("TF0004", "[TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } [FlowField(\"invoice\")] public FlowFile Other { get; } }"),
            ("TF0005", "[TableFlow(\"abc\")] public partial class Po { [FlowField(\" bad\")] public FlowFile Invoice { get; } }"),
            ("TF0005-quote", "[TableFlow(\"abc\")] public partial class Po { [FlowField(\"a\\\"b\")] public FlowFile Invoice { get; } }"),
            ("TF0006-name", "[TableFlow(\"abc\")] public partial class Po { public FlowFile Name { get; } }"),
            ("TF0006-metadata", "[TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } public FlowFile InvoiceMetadata { get; } }"),
            ("TF0006-numbered", "[TableFlow(\"abc\")] public partial class Po { public IReadOnlyList<FlowFile> Pages { get; } [FlowField(\"pages_1\")] public FlowFile First { get; } }"),
            ("TF0008-static", "[TableFlow(\"abc\")] public static partial class Po { public static FlowFile Invoice { get; } }"),
            ("TF0008-generic", "[TableFlow(\"abc\")] public partial class Po<T> { public FlowFile Invoice { get; } }"),
            ("TF0008-base", "public class B { public B(int x) { } } [TableFlow(\"abc\")] public partial class Po : B { public Po() : base(1) { } public FlowFile Invoice { get; } }"),
            ("TF0008-name", "public partial class Outer { [TableFlow(\"abc\")] public partial class RunAsync { public FlowFile Invoice { get; } } }"),
            ("TF0008-nested-generic", "public partial class Outer<T> { [TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } } }"),
            ("TF0008-primary-without-client", "[TableFlow(\"abc\")] public partial class Po(int retries) { public FlowFile Invoice { get; } public int Retries => retries; }"),
            ("TF0009-flowid", "[TableFlow(\"abc\")] public partial class Po { public string FlowId => \"\"; public FlowFile Invoice { get; } }"),
            ("TF0009-fields", "[TableFlow(\"abc\")] public partial class Po { public int Fields; public FlowFile Invoice { get; } }"),
            ("TF0009-runasync", "[TableFlow(\"abc\")] public partial class Po { public int RunAsync { get; } public FlowFile Invoice { get; } }"),
            ("TF0009-ctor", "[TableFlow(\"abc\")] public partial class Po { public Po(TableFlowClient client) { } public FlowFile Invoice { get; } }"),
            ("TF0009-inherited", "public class B { public const string FlowId = \"b\"; } [TableFlow(\"abc\")] public partial class Po : B { public FlowFile Invoice { get; } }"),
        };
        return variants.Select(v => new object[] { v.Label, head + v.Source });
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_declaration_with_an_error_generates_nothing_and_the_analyzers_report_it(string label, string source)
    {
        var compilation = TestCompilations.Create(source);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.Sources);

        var type = compilation.GetSymbolsWithName(n => n is "Po" or "RunAsync", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
        var declaration = FlowDeclaration.Read(type, CancellationToken.None)!;
        Assert.Contains(declaration.Problems, p => label.StartsWith(p.Id, System.StringComparison.Ordinal) && !p.IsWarning);
    }
}
