using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Snapshots;

/// <summary>The generated source for each declaration shape, against a verified snapshot beside this file.</summary>
public class SnapshotTests
{
    private static void VerifyCase(FlowCase flowCase, DocumentationMode mode = DocumentationMode.Diagnose, LanguageVersion version = LanguageVersion.Latest, int expectedSources = 1, [CallerMemberName] string testName = "")
    {
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version, mode), flowCase.Source);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        Assert.Equal(expectedSources, run.Sources.Length);
        foreach (var source in run.Sources)
        {
            Snapshot.Verify(source.SourceText.ToString(), source.HintName, testName: testName);
        }
    }

    [Fact]
    public void Seed() => VerifyCase(FlowCases.Seed);

    [Fact]
    public void AllShapes() => VerifyCase(FlowCases.AllShapes);

    [Fact]
    public void GlobalNamespace() => VerifyCase(FlowCases.GlobalNamespace);

    [Fact]
    public void FileScopedNamespace() => VerifyCase(FlowCases.FileScopedNamespace);

    [Fact]
    public void NestedInClassAndStruct() => VerifyCase(FlowCases.NestedInClassAndStruct);

    [Fact]
    public void NestedInRecords() => VerifyCase(FlowCases.NestedInRecords);

    [Fact]
    public void InternalSealed() => VerifyCase(FlowCases.InternalSealed);

    [Fact]
    public void KeywordNames() => VerifyCase(FlowCases.KeywordNames);

    [Fact]
    public void CollidingNames() => VerifyCase(FlowCases.CollidingNames);

    [Fact]
    public void RequiredOverride() => VerifyCase(FlowCases.RequiredOverride);

    [Fact]
    public void Ignored() => VerifyCase(FlowCases.Ignored);

    [Fact]
    public void DocSummaries_with_documentation_file() => VerifyCase(FlowCases.DocSummaries, DocumentationMode.Diagnose);

    [Fact]
    public void DocSummaries_without_documentation_file() => VerifyCase(FlowCases.DocSummaries, DocumentationMode.None);

    /// <summary>Before C# 8 there are no nullable annotations: optional parameters are plain reference types defaulting to null.</summary>
    [Fact]
    public void CSharp73_without_nullable_annotations() => VerifyCase(FlowCases.CSharp73, version: LanguageVersion.CSharp7_3);

    [Fact]
    public void PrimaryConstructor() => VerifyCase(FlowCases.PrimaryConstructor);

    [Fact]
    public void PrimaryConstructorInitializingAField() => VerifyCase(FlowCases.PrimaryConstructorInitializingAField);

    [Fact]
    public void PrimaryConstructorPassedToBase() => VerifyCase(FlowCases.PrimaryConstructorPassedToBase);

    [Fact]
    public void PositionalRecord() => VerifyCase(FlowCases.PositionalRecord);

    [Fact]
    public void PlainRecord() => VerifyCase(FlowCases.PlainRecord);

    [Fact]
    public void CaseOnlyDifferentNames() => VerifyCase(FlowCases.CaseOnlyDifferentNames, expectedSources: 4);

    [Fact]
    public void DerivedFromBase() => VerifyCase(FlowCases.DerivedFromBase);

    [Fact]
    public void Hint_names_that_differ_only_in_case_get_a_stable_hash_and_others_stay_plain()
    {
        var run = GeneratorRunner.Run(TestCompilations.Create(FlowCases.CaseOnlyDifferentNames.Source + """

            namespace Other { [TableFlow("plain")] public partial class Plain { public TableFlow.FlowFile Invoice { get; } } }
            """));
        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Results.Single().Exception);
        var names = run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal).ToList();
        Assert.Equal(5, names.Count);
        Assert.Equal(5, names.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Other.Plain.g.cs", names);
        Assert.Matches(@"^Acme\.POFlow\.[0-9a-f]{8}\.g\.cs$", names.Single(n => n.StartsWith("Acme.POFlow", System.StringComparison.Ordinal)));
        Assert.Matches(@"^Acme\.billing\.X\.[0-9a-f]{8}\.g\.cs$", names.Single(n => n.StartsWith("Acme.billing", System.StringComparison.Ordinal)));

        // The same class gets the same name in every build, whatever else the compilation holds.
        var again = GeneratorRunner.Run(TestCompilations.Create(FlowCases.CaseOnlyDifferentNames.Source)).Sources.Select(s => s.HintName);
        Assert.Equal(names.Where(n => n.StartsWith("Acme", System.StringComparison.Ordinal)), again.OrderBy(h => h, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Doc_summaries_read_the_same_with_and_without_a_documentation_file()
    {
        string Generate(DocumentationMode mode)
            => GeneratorRunner.Run(TestCompilations.Create(TestCompilations.ParseOptions(LanguageVersion.Latest, mode), FlowCases.DocSummaries.Source))
                .Sources.Single().SourceText.ToString();

        var withFile = Generate(DocumentationMode.Diagnose);
        Assert.Contains("/// <param name=\"purchaseOrder\">The purchase order as a FlowFile, with R&amp;D codes; null never. Required.</param>", withFile);
        Assert.Equal(withFile, Generate(DocumentationMode.None));
    }

    [Fact]
    public void Declaration_with_an_error_generates_nothing()
    {
        var run = GeneratorRunner.Run(TestCompilations.Create("""
            using TableFlow;
            [TableFlow("a/b")]
            public partial class Flow { public FlowFile Invoice { get; } }
            """));
        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Hint_names_keep_namespaces_and_nesting_apart_even_in_code_that_does_not_compile()
    {
        // 'A.B' is both a namespace and a class here (CS0101), yet the generator must not fail on a duplicate hint name.
        var run = GeneratorRunner.Run(TestCompilations.Create("""
            using TableFlow;
            namespace A.B { [TableFlow("one")] public partial class Flow { public FlowFile Invoice { get; } } }
            namespace A { public partial class B { [TableFlow("two")] public partial class Flow { public FlowFile Invoice { get; } } } }
            """));
        Assert.Empty(run.DriverDiagnostics);
        Assert.Equal(new[] { "A.B+Flow.g.cs", "A.B.Flow.g.cs" }, run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Two_flows_in_one_file_get_one_file_each()
    {
        var run = GeneratorRunner.Run(TestCompilations.Create("""
            using TableFlow;
            namespace A { [TableFlow("one")] public partial class Flow { public FlowFile Invoice { get; } } }
            namespace B { [TableFlow("two")] public partial class Flow { public FlowFile Invoice { get; } } }
            """));
        Assert.Equal(new[] { "A.Flow.g.cs", "B.Flow.g.cs" }, run.Sources.Select(s => s.HintName).OrderBy(h => h));
    }
}
