using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Suppressors;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Generation;

/// <summary>
/// Every snapshotted declaration, with its generated code, compiles without a single diagnostic at warning level 9999,
/// nullable on and documentation checked, at the lowest C# version the declaration can be written in and at latest.
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
    public async Task Generated_code_compiles_without_diagnostics(string caseName, LanguageVersion version)
    {
        var flowCase = FlowCases.Get(caseName);
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version, DocumentationMode.Diagnose), flowCase.Source);
        var run = GeneratorRunner.Run(compilation);
        Assert.Empty(run.DriverDiagnostics);
        Assert.NotEmpty(run.Sources);

        // As in a user's build: the compiler's diagnostics after our suppressor has had its say (it alone silences CS8618
        // on file-field properties, which declare fields and hold no value).
        var diagnostics = (await run.Output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FileFieldNullabilitySuppressor()))
            .GetAllDiagnosticsAsync())
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .Where(d => !IsUsersOwnMissingDoc(d, compilation))
            .ToList();
        Assert.True(diagnostics.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>CS1591 on the user's own undocumented public members says nothing about the generated code.</summary>
    private static bool IsUsersOwnMissingDoc(Diagnostic d, Compilation userCompilation)
        => d.Id == "CS1591" && userCompilation.SyntaxTrees.Contains(d.Location.SourceTree);
}
