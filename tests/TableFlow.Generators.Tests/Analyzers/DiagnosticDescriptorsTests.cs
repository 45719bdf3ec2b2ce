using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.Tests.Analyzers;

public class DiagnosticDescriptorsTests
{
    /// <summary>The README's diagnostics table: IDs and severities are public and fixed.</summary>
    public static readonly TheoryData<string, DiagnosticSeverity> Design = new()
    {
        { "TF0001", DiagnosticSeverity.Error },
        { "TF0002", DiagnosticSeverity.Error },
        { "TF0003", DiagnosticSeverity.Warning },
        { "TF0004", DiagnosticSeverity.Error },
        { "TF0005", DiagnosticSeverity.Error },
        { "TF0006", DiagnosticSeverity.Error },
        { "TF0007", DiagnosticSeverity.Warning },
        { "TF0008", DiagnosticSeverity.Error },
        { "TF0009", DiagnosticSeverity.Error },
        { "TF0010", DiagnosticSeverity.Warning },
        { "TF0011", DiagnosticSeverity.Warning },
        { "TF0012", DiagnosticSeverity.Warning },
    };

    private static readonly DiagnosticAnalyzer[] Analyzers = { new FlowDeclarationAnalyzer(), new FlowDefinitionAnalyzer(), new FileFieldReadAnalyzer(), new PositionalRunArgumentAnalyzer() };

    [Theory]
    [MemberData(nameof(Design))]
    public void Each_id_is_reported_by_exactly_one_analyzer_with_the_designed_severity_and_a_help_page(string id, DiagnosticSeverity severity)
    {
        // An id may have one descriptor per situation (each with its own message format), all from one analyzer.
        var reporters = Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToList();
        var analyzer = Assert.Single(reporters);
        var descriptors = analyzer.SupportedDiagnostics.Where(d => d.Id == id).ToList();

        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal(severity, descriptor.DefaultSeverity);
            Assert.Equal("TableFlow", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal($"https://github.com/tableflow-generators/TableFlow.Generators/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        });
        Assert.Single(descriptors.Select(d => d.Title.ToString()).Distinct());
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"the help link of {id} points to a missing page: {page}");
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Example", "## How to suppress" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(Design))]
    public void Each_id_is_tracked_as_an_unshipped_release_with_its_severity(string id, DiagnosticSeverity severity)
    {
        var tracking = File.ReadAllLines(Path.Combine(RepositoryRoot(), "generator", "TableFlow.Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Single(tracking, line => line.StartsWith($"{id} | TableFlow | {severity} |", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_descriptor_is_reported_by_an_analyzer_and_its_message_format_takes_its_arguments()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.True(descriptors.Count > 30, $"expected a descriptor per situation, found {descriptors.Count}");
        var supported = Analyzers.SelectMany(a => a.SupportedDiagnostics).ToHashSet();
        foreach (var descriptor in descriptors)
        {
            Assert.Contains(descriptor, supported);

            // A format is well formed: it formats with enough arguments and leaves no stray brace behind.
            var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Enumerable.Range(0, 10).Select(i => (object)$"<{i}>").ToArray());
            Assert.DoesNotContain("{", text.Replace("{ get; }", ""));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TableFlow.Generators.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("TableFlow.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
