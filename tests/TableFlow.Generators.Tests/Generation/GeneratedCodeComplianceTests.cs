using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Generation;

/// <summary>
/// Every snapshotted declaration, with its generated code, compiles without a single diagnostic at warning level 9999,
/// nullable on and documentation checked, at the lowest C# version the declaration can be written in and at latest,
/// with the product's analyzers and suppressor running as they do in a user's build.
/// </summary>
public class GeneratedCodeComplianceTests
{
    public static IEnumerable<object[]> CasesAndVersions()
        => FlowCases.All.SelectMany(c => new[]
        {
            new object[] { c.Name, c.MinimumLanguage },
            new object[] { c.Name, LanguageVersion.Latest },
        });

    [Theory]
    [MemberData(nameof(CasesAndVersions))]
    public void Generated_code_compiles_without_diagnostics(string caseName, LanguageVersion version)
    {
        var flowCase = FlowCases.Get(caseName);
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version, DocumentationMode.Diagnose), flowCase.Source);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        Assert.NotEmpty(run.Sources);

        // The product's analyzers and suppressor run as in a user's build: the suppressor alone silences CS8618 on
        // file-field properties (declarations that hold no value).
        Assert.True(ProductAnalyzers.HasSuppressor);
        var (all, exceptions) = ProductAnalyzers.Diagnose(run.Output);
        Assert.Empty(exceptions);
        var diagnostics = all
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !IsUsersOwnMissingDoc(d, compilation))
            .ToList();
        Assert.True(diagnostics.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>CS1591 on the user's own undocumented public members says nothing about the generated code.</summary>
    private static bool IsUsersOwnMissingDoc(Diagnostic d, Compilation userCompilation)
        => d.Id == "CS1591" && userCompilation.SyntaxTrees.Contains(d.Location.SourceTree);
}
