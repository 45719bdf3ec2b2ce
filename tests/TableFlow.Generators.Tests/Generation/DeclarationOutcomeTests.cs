using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Rules;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Generation;

/// <summary>
/// Every legal declaration either compiles clean or gets a TF diagnostic saying why: never a C# error in generated code
/// and never a failed generator. Each declaration is compiled with the generator and every product analyzer, as a
/// build does, and what the user sees is exactly the expected TF diagnostic (and, where the generator can still emit,
/// nothing from the compiler).
/// </summary>
public class DeclarationOutcomeTests
{
    /// <summary>The usings every declaration below is compiled with.</summary>
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Collections.Immutable;\nusing TableFlow;\n";

    public static IEnumerable<object[]> Declarations() => new[]
    {
        new object[] { "primary constructor without a client", "[TableFlow(\"a\")] public partial class Po(TimeProvider clock) { public FlowFile Invoice { get; } public DateTimeOffset Now => clock.GetUtcNow(); }", "TF0008" },
        new object[] { "file-local class", "[TableFlow(\"a\")] file partial class Po { public FlowFile Invoice { get; } }", "TF0008" },
        new object[] { "class inside a file-local type", "file partial class Outer { [TableFlow(\"a\")] public partial class Po { public FlowFile Invoice { get; } } }", "TF0008" },
        new object[] { "inherited FlowId", "public class B { public const string FlowId = \"b\"; } [TableFlow(\"a\")] public partial class Po : B { public FlowFile Invoice { get; } }", "TF0009" },
        new object[] { "inherited Fields", "public class B { public int Fields { get; set; } } [TableFlow(\"a\")] public partial class Po : B { public FlowFile Invoice { get; } }", "TF0009" },
        new object[] { "derived from another flow class", "[TableFlow(\"b\")] public partial class B { public FlowFile Invoice { get; } } [TableFlow(\"a\")] public partial class Po(TableFlowClient client) : B(client) { public FlowFile Scan { get; } }", "TF0009" },
        new object[] { "List<FlowFile>", "[TableFlow(\"a\")] public partial class Po { public FlowFile Invoice { get; } public List<FlowFile>? Pages { get; } }", "TF0007" },
        new object[] { "ImmutableArray<FlowFile>", "[TableFlow(\"a\")] public partial class Po { public FlowFile Invoice { get; } public ImmutableArray<FlowFile> Pages { get; } }", "TF0007" },
        new object[] { "FlowFile[][]", "[TableFlow(\"a\")] public partial class Po { public FlowFile Invoice { get; } public FlowFile[][]? Pages { get; } }", "TF0007" },
        new object[] { "primary constructor with a client named like a run parameter", "[TableFlow(\"a\")] public partial class Po(TableFlowClient name) { public FlowFile Invoice { get; } public string Describe() => name.ToString() ?? \"\"; }", null! },
        new object[] { "primary constructor whose client a file parameter would shadow", "[TableFlow(\"a\")] public partial class Po(TableFlowClient invoice) { public FlowFile Invoice { get; } }", null! },
        new object[] { "primary constructor with a nullable client", "[TableFlow(\"a\")] public partial class Po(TableFlowClient? client) { public FlowFile Invoice { get; } public bool Ready => client is not null; }", null! },
        new object[] { "user constructor chaining to the primary one", "[TableFlow(\"a\")] public partial class Po(TableFlowClient client, int retries) { public Po(TableFlowClient client) : this(client, 3) { } public int Retries => retries; public FlowFile Invoice { get; } }", null! },
        new object[] { "record whose client is passed on to its base", "public abstract record Base(TableFlowClient Client); [TableFlow(\"a\")] public partial record Po(TableFlowClient Client) : Base(Client) { public FlowFile Invoice { get; } }", null! },
        new object[] { "base with a private FlowId", "public class B { private int FlowId => 1; public int Get() => FlowId; } [TableFlow(\"a\")] public partial class Po : B { public FlowFile Invoice { get; } }", null! },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Declaration_compiles_clean_or_gets_exactly_its_TF_diagnostic(string label, string declaration, string? expectedId)
    {
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(), Usings + declaration);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Results.Single().Exception);

        var (all, exceptions) = ProductAnalyzers.Diagnose(run.Output);
        Assert.Empty(exceptions);
        var seen = all
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .Where(d => d.Id != "CS1591")
            .ToList();
        var expected = expectedId is null ? new string[0] : new[] { expectedId };
        Assert.True(
            seen.Select(d => d.Id).Distinct().SequenceEqual(expected),
            $"{label}: expected {(expectedId ?? "nothing")}, got:\n" + string.Join("\n", seen));
        if (expectedId is not null) Assert.Single(seen);
    }

    [Fact]
    public void A_language_version_below_the_minimum_gets_one_TF0008_naming_the_minimum_and_no_generated_code()
    {
        var options = TestCompilations.ParseOptions(LanguageVersion.CSharp7);
        var run = GeneratorRunner.Run(TestCompilations.Create(options, FlowCases.CSharp73.Source));
        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.Sources);

        var (all, exceptions) = ProductAnalyzers.Diagnose(run.Output);
        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(all, d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error && d.Id != "CS1591");
        Assert.Equal("TF0008", diagnostic.Id);
        Assert.Equal(
            "[TableFlow] class 'LegacyLanguageFlow' is compiled as C# 7.0, but the generated code needs C# 7.1 or later. Raise <LangVersion> in the project file.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The minimum the rule names is the real one: the generated code of the C# 7.3 case, parsed at each older version,
    /// compiles from <see cref="FlowRules.MinimumLanguageVersion"/> on and not one version before.
    /// </summary>
    [Fact]
    public void The_minimum_language_version_is_the_oldest_the_generated_code_compiles_in()
    {
        var userOptions = TestCompilations.ParseOptions(LanguageVersion.CSharp7_3);
        var compilation = TestCompilations.Create(userOptions, FlowCases.CSharp73.Source);
        var generated = GeneratorRunner.Run(compilation).Sources.Single().SourceText.ToString();

        var versions = new[]
        {
            LanguageVersion.CSharp1, LanguageVersion.CSharp2, LanguageVersion.CSharp3, LanguageVersion.CSharp4, LanguageVersion.CSharp5,
            LanguageVersion.CSharp6, LanguageVersion.CSharp7, LanguageVersion.CSharp7_1, LanguageVersion.CSharp7_2, LanguageVersion.CSharp7_3,
        };
        // A compilation holds one language version, so the user's tree is parsed at each version too; only errors in
        // the generated tree count (the user's own code may need a newer C# than the generated code).
        var compiles = versions.ToDictionary(v => v, v =>
        {
            var tree = CSharpSyntaxTree.ParseText(generated, TestCompilations.ParseOptions(v), path: "Generated.cs");
            var atVersion = TestCompilations.Create(TestCompilations.ParseOptions(v), FlowCases.CSharp73.Source).AddSyntaxTrees(tree);
            return !atVersion.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree);
        });

        var oldest = versions.First(v => compiles[v]);
        Assert.Equal(FlowRules.MinimumLanguageVersion, oldest);
        Assert.All(versions.SkipWhile(v => v != oldest), v => Assert.True(compiles[v], $"generated code fails at C# {v.ToDisplayString()}"));
        Assert.Equal(FlowRules.MinimumLanguageVersionText, FlowRules.MinimumLanguageVersion.ToDisplayString());
    }
}
