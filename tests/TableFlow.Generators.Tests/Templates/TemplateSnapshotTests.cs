using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>
/// The generated source of each template declaration against a verified snapshot beside this file; each output also
/// compiles with every warning as an error (nullable on, warning level 9999, documentation file).
/// </summary>
public class TemplateSnapshotTests
{
    private static void VerifyCase(string source, LanguageVersion version = LanguageVersion.Latest, [CallerMemberName] string testName = "")
    {
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version), source);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        var source1 = Assert.Single(run.Sources);
        Snapshot.Verify(source1.SourceText.ToString(), source1.HintName, testName: testName);

        // Errors anywhere; warnings (CS1591 and the like) only in the generated file, since the user code has no docs.
        var problems = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error ||
                        (d.Severity == DiagnosticSeverity.Warning && !compilation.SyntaxTrees.Contains(d.Location.SourceTree!)))
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Invoice() => VerifyCase(TemplateCases.Invoice);

    [Fact]
    public void AllTypes() => VerifyCase(TemplateCases.AllTypes);

    [Fact]
    public void Nested() => VerifyCase(TemplateCases.Nested);

    [Fact]
    public void Legacy_CSharp73() => VerifyCase(TemplateCases.Legacy, LanguageVersion.CSharp7_3);
}
