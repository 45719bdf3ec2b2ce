using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Templates;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>TF0013–TF0020: public, stable ids, each with its severity, help page and release-tracking line.</summary>
public class TemplateDiagnosticDescriptorsTests
{
    public static readonly TheoryData<string> Ids = new() { "TF0013", "TF0014", "TF0015", "TF0016", "TF0017", "TF0018", "TF0019", "TF0020" };

    private static readonly DiagnosticDescriptor[] All = typeof(TemplateDiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_id_is_an_error_with_one_title_a_help_page_and_a_release_line(string id)
    {
        var descriptors = All.Where(d => d.Id == id).ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.Equal("TableFlow", d.Category);
            Assert.Equal($"https://github.com/tableflow-generators/TableFlow.Generators/blob/main/docs/diagnostics/{id}.md", d.HelpLinkUri);
        });
        Assert.Single(descriptors.Select(d => d.Title.ToString()).Distinct());

        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"the help link of {id} points to a missing page: {page}");
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Example", "## How to suppress" }) Assert.Contains(section, text);

        var tracking = File.ReadAllLines(Path.Combine(RepositoryRoot(), "generator", "TableFlow.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Single(tracking, line => line.StartsWith($"{id} | TableFlow | Error |", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_descriptor_is_reported_by_the_template_analyzer_and_formats_its_arguments()
    {
        var supported = new TemplateDeclarationAnalyzer().SupportedDiagnostics;
        Assert.Equal(All.Length, supported.Length);
        foreach (var descriptor in All)
        {
            Assert.Contains(descriptor, supported);
            var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Enumerable.Range(0, 10).Select(i => (object)$"<{i}>").ToArray());
            Assert.DoesNotContain("{", text.Replace("{ get; }", "").Replace("{ get; init; }", "").Replace("{ get; set; }", ""));
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
