using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Tests.Infrastructure;
using Xunit;

namespace TableFlow.Generators.Tests.Parsing;

/// <summary>
/// The generator's lean parse must give exactly the model the analyzers' full read gives (or give up and let the full
/// read decide): otherwise a user would get code for a declaration the analyzers reject, or different code.
/// </summary>
public class LeanParserEquivalenceTests
{
    /// <summary>A source, its parse options and a label for failure messages.</summary>
    public sealed record Input(string Label, string Source, CSharpParseOptions Options)
    {
        /// <inheritdoc/>
        public override string ToString() => Label;
    }

    [Theory]
    [MemberData(nameof(FlowCaseInputs))]
    public void Flow_cases_parse_alike(string label) => AssertEquivalent(FlowCaseInputList().Single(i => i.Label == label));

    [Fact]
    public void Analyzer_and_code_fix_test_sources_parse_alike()
    {
        var inputs = TestFileSources().ToList();
        Assert.True(inputs.Count > 50, $"expected the test sources to yield many declarations, got {inputs.Count}");
        foreach (var input in inputs) AssertEquivalent(input);
    }

    [Fact]
    public void Every_problem_variant_parses_alike_and_generates_nothing()
    {
        foreach (var (label, source) in ProblemVariants())
        {
            var results = Compare(new Input(label, source, TestCompilations.ParseOptions()));
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.True(r.Full is null && r.Lean is null, $"{label}: lean {Show(r.Lean)}, full {Show(r.Full)}"));
        }
    }

    [Theory]
    [InlineData("#nullable disable")]
    [InlineData("#nullable enable annotations")]
    [InlineData("#nullable enable warnings")]
    [InlineData("")]
    public void Nullability_reads_alike_in_every_nullable_context(string directive)
    {
        var source = directive + """

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
        foreach (var version in new[] { LanguageVersion.Latest, LanguageVersion.CSharp8, LanguageVersion.CSharp7_3 })
        {
            var results = Compare(new Input(directive + version, source, TestCompilations.ParseOptions(version)));
            Assert.All(results, r => Assert.True(!r.Decided || Equals(r.Lean, r.Full), $"{directive}/{version}: lean {Show(r.Lean)} != full {Show(r.Full)}"));
        }

        var latest = Compare(new Input(directive, source, TestCompilations.ParseOptions()));
        Assert.All(latest, r => Assert.True(r.Decided, $"{directive}: the lean path gave up"));
    }

    [Fact]
    public void Half_typed_prefixes_of_the_seed_parse_alike()
    {
        var source = FlowCases.Seed.Source;
        for (var length = source.IndexOf("[TableFlow", System.StringComparison.Ordinal); length <= source.Length; length += 3)
        {
            AssertEquivalent(new Input($"Seed[..{length}]", source.Substring(0, length), TestCompilations.ParseOptions()));
        }
    }

    [Fact]
    public void The_lean_path_decides_clean_declarations_itself()
    {
        // Without this the equivalence tests would pass with a lean path that always gives up.
        foreach (var name in new[] { "Seed", "AllShapes", "GlobalNamespace", "FileScopedNamespace", "KeywordNames", "RequiredOverride", "Ignored" })
        {
            var results = Compare(new Input(name, FlowCases.Get(name).Source, TestCompilations.ParseOptions()));
            Assert.All(results, r => Assert.True(r.Decided, $"{name}: the lean path gave up on a clean declaration"));
        }
    }

    public static IEnumerable<object[]> FlowCaseInputs() => FlowCaseInputList().Select(i => new object[] { i.Label });

    private static IEnumerable<Input> FlowCaseInputList()
    {
        foreach (var flowCase in FlowCases.All)
        {
            foreach (var mode in new[] { DocumentationMode.Diagnose, DocumentationMode.None })
            {
                yield return new Input($"{flowCase.Name}/{mode}", flowCase.Source, TestCompilations.ParseOptions(LanguageVersion.Latest, mode));
                yield return new Input($"{flowCase.Name}/{mode}/min", flowCase.Source, TestCompilations.ParseOptions(flowCase.MinimumLanguage, mode));
            }
        }
    }

    private static void AssertEquivalent(Input input)
    {
        foreach (var result in Compare(input))
        {
            if (result.Decided) Assert.True(Equals(result.Lean, result.Full), $"{input.Label} ({result.Class}): lean {Show(result.Lean)} != full {Show(result.Full)}");
        }
    }

    private static string Show(FlowModel? model) => model is null ? "null" : model.ToString() + " fields: " + string.Join("; ", model.Fields);

    private sealed record Result(string Class, bool Decided, FlowModel? Lean, FlowModel? Full);

    /// <summary>Both parses of every class in <paramref name="input"/> that carries <c>[TableFlow]</c>, as the generator sees it.</summary>
    private static List<Result> Compare(Input input)
    {
        var compilation = TestCompilations.Create(input.Options, input.Source);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var results = new List<Result>();
        foreach (var node in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            if (semanticModel.GetDeclaredSymbol(node) is not INamedTypeSymbol type) continue;
            var attributes = type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == FlowRules.TableFlowAttributeName &&
                            a.ApplicationSyntaxReference is { } r && r.SyntaxTree == tree && node.Span.Contains(r.Span))
                .ToList();
            if (attributes.Count == 0) continue;
            var lean = FlowParser.ParseLean(type, node, attributes, semanticModel, CancellationToken.None, out var decided);
            var full = FlowParser.ParseFull(type, node, CancellationToken.None);
            results.Add(new Result(type.Name, decided, lean, full));
        }

        return results;
    }

    /// <summary>Every string literal with a <c>[TableFlow(</c> declaration in the other tests' files, markup removed.</summary>
    private static IEnumerable<Input> TestFileSources([CallerFilePath] string thisFile = "")
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) || file.Contains(Path.DirectorySeparatorChar + "Snapshots" + Path.DirectorySeparatorChar)) continue;
            var syntax = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            var index = 0;
            foreach (var token in syntax.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.StringLiteralToken)) continue;
                var text = token.ValueText;
                if (!text.Contains("[TableFlow(")) continue;
                text = Regex.Replace(text, @"\{\|[^:|]*:", "");
                text = text.Replace("|}", "").Replace("[|", "").Replace("|]", "");
                var label = $"{Path.GetFileName(file)}#{index++}";
                yield return new Input(label, text, TestCompilations.ParseOptions());
                yield return new Input(label + "/nodoc", text, TestCompilations.ParseOptions(LanguageVersion.Latest, DocumentationMode.None));
            }
        }
    }

    /// <summary>One declaration per problem TF0001–TF0009 (errors and warnings) that the lean path must not wave through.</summary>
    private static IEnumerable<(string Label, string Source)> ProblemVariants()
    {
        const string head = "using System.Collections.Generic;\nusing TableFlow;\n";
        yield return ("TF0001", head + "[TableFlow(\"abc\")] public class Po { public FlowFile Invoice { get; } }");
        yield return ("TF0001-outer", head + "public class Outer { [TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } } }");
        yield return ("TF0002-empty", head + "[TableFlow(\"\")] public partial class Po { public FlowFile Invoice { get; } }");
        yield return ("TF0002-slash", head + "[TableFlow(\"a/b\")] public partial class Po { public FlowFile Invoice { get; } }");
        yield return ("TF0002-null", head + "[TableFlow(null)] public partial class Po { public FlowFile Invoice { get; } }");
        yield return ("TF0004", head + "[TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } [FlowField(\"invoice\")] public FlowFile Other { get; } }");
        yield return ("TF0005", head + "[TableFlow(\"abc\")] public partial class Po { [FlowField(\" bad\")] public FlowFile Invoice { get; } }");
        yield return ("TF0005-quote", head + "[TableFlow(\"abc\")] public partial class Po { [FlowField(\"a\\\"b\")] public FlowFile Invoice { get; } }");
        yield return ("TF0006-name", head + "[TableFlow(\"abc\")] public partial class Po { public FlowFile Name { get; } }");
        yield return ("TF0006-metadata", head + "[TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } public FlowFile InvoiceMetadata { get; } }");
        yield return ("TF0006-numbered", head + "[TableFlow(\"abc\")] public partial class Po { public IReadOnlyList<FlowFile> Pages { get; } [FlowField(\"pages_1\")] public FlowFile First { get; } }");
        yield return ("TF0008-static", head + "[TableFlow(\"abc\")] public static partial class Po { public static FlowFile Invoice { get; } }");
        yield return ("TF0008-generic", head + "[TableFlow(\"abc\")] public partial class Po<T> { public FlowFile Invoice { get; } }");
        yield return ("TF0008-base", head + "public class B { public B(int x) { } } [TableFlow(\"abc\")] public partial class Po : B { public Po() : base(1) { } public FlowFile Invoice { get; } }");
        yield return ("TF0008-name", head + "public partial class Outer { [TableFlow(\"abc\")] public partial class RunAsync { public FlowFile Invoice { get; } } }");
        yield return ("TF0008-nested-generic", head + "public partial class Outer<T> { [TableFlow(\"abc\")] public partial class Po { public FlowFile Invoice { get; } } }");
        yield return ("TF0009-flowid", head + "[TableFlow(\"abc\")] public partial class Po { public string FlowId => \"\"; public FlowFile Invoice { get; } }");
        yield return ("TF0009-fields", head + "[TableFlow(\"abc\")] public partial class Po { public int Fields; public FlowFile Invoice { get; } }");
        yield return ("TF0009-runasync", head + "[TableFlow(\"abc\")] public partial class Po { public int RunAsync { get; } public FlowFile Invoice { get; } }");
        yield return ("TF0009-ctor", head + "[TableFlow(\"abc\")] public partial class Po { public Po(TableFlowClient client) { } public FlowFile Invoice { get; } }");
        yield return ("TF0008-primary-without-client", head + "[TableFlow(\"abc\")] public partial class Po(int retries) { public FlowFile Invoice { get; } public int Retries => retries; }");
        yield return ("TF0009-inherited", head + "public class B { public const string FlowId = \"b\"; } [TableFlow(\"abc\")] public partial class Po : B { public FlowFile Invoice { get; } }");
    }
}
